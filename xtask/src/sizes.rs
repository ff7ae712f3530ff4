//! `sizes`: the size ratchet. `sizes.json` (workspace root) records the gzip -9 size of every
//! file in `dist/`; `cargo xtask test` compares the fresh `dist/` against it right after
//! building it, prints the table, and fails when a file grew more than 1% over its record,
//! appeared without one, or disappeared. `cargo xtask sizes --update` rewrites the record.
//!
//! Lowering a record is part of the change that earns it; raising one needs a reason in the
//! commit message. Sizes come from the system `gzip -9 -n` (no name or time stamp in the
//! header), so they are the same bytes on every machine with the same input.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::options::Spec;
use crate::root;

/// The record file, relative to the workspace root.
pub const RECORD: &str = "sizes.json";

/// How far (in per cent) a file may grow over its record before the check fails.
pub const TOLERANCE_PERCENT: u64 = 1;

/// File path under `dist/` (with `/` separators) -> gzip -9 bytes.
pub type Sizes = BTreeMap<String, u64>;

pub const SPEC: Spec = Spec {
    task: "sizes",
    flags: &["--update"],
    valued: &[],
    operand: None,
};

/// `cargo xtask sizes [--update]`: measures the existing `dist/`; checks it against the
/// record, or with `--update` writes the record.
pub fn task(args: &[String]) -> Result<(), String> {
    let update = SPEC.parse(args)?.flag("--update");
    let dist = root().join("dist");
    if !dist.join("index.html").is_file() {
        return Err("dist/ is not built: run `cargo xtask dist` first".into());
    }
    if update {
        let now = measure(&dist)?;
        write_record(&root().join(RECORD), &now)?;
        print!("{}", table(&compare(&now, &now)));
        println!("sizes: wrote {RECORD}");
        Ok(())
    } else {
        check(&dist)
    }
}

/// The test step: measure `dist/`, print the table, fail on any growth over the tolerance.
pub fn check(dist: &Path) -> Result<(), String> {
    let record = read_record(&root().join(RECORD))?;
    let now = measure(dist)?;
    let rows = compare(&record, &now);
    print!("{}", table(&rows));
    let failures: Vec<String> = rows.iter().filter_map(Row::failure).collect();
    if failures.is_empty() {
        let shrunk: Vec<&str> = rows
            .iter()
            .filter(|r| matches!((r.record, r.now), (Some(a), Some(b)) if b < a))
            .map(|r| r.file.as_str())
            .collect();
        if !shrunk.is_empty() {
            println!(
                "sizes: smaller than recorded: {} (lower the record: `cargo xtask sizes --update`)",
                shrunk.join(", ")
            );
        }
        Ok(())
    } else {
        Err(format!(
            "{} (if the growth is deliberate: `cargo xtask sizes --update`, and say why in the commit message)",
            failures.join("; ")
        ))
    }
}

/// One line of the comparison.
#[derive(Debug, PartialEq)]
pub struct Row {
    pub file: String,
    pub record: Option<u64>,
    pub now: Option<u64>,
}

impl Row {
    /// Why this row fails the check, if it does.
    fn failure(&self) -> Option<String> {
        match (self.record, self.now) {
            (Some(record), Some(now)) if !within_tolerance(record, now) => Some(format!(
                "{} grew from {record} to {now} bytes gzip (more than {TOLERANCE_PERCENT}%)",
                self.file
            )),
            (None, Some(_)) => Some(format!("{} has no size record", self.file)),
            (Some(_), None) => Some(format!("{} is recorded but not in dist/", self.file)),
            _ => None,
        }
    }
}

/// True when `now` is at most `TOLERANCE_PERCENT` over `record` (integer arithmetic, so the
/// boundary does not depend on float rounding).
pub fn within_tolerance(record: u64, now: u64) -> bool {
    now.saturating_mul(100) <= record.saturating_mul(100 + TOLERANCE_PERCENT)
}

/// Every file in either map, in path order.
pub fn compare(record: &Sizes, now: &Sizes) -> Vec<Row> {
    let mut files: Vec<&String> = record.keys().chain(now.keys()).collect();
    files.sort();
    files.dedup();
    files
        .into_iter()
        .map(|file| Row {
            file: file.clone(),
            record: record.get(file).copied(),
            now: now.get(file).copied(),
        })
        .collect()
}

/// The table printed by the check: file, record, now, change.
pub fn table(rows: &[Row]) -> String {
    let show = |n: Option<u64>| n.map_or_else(|| "-".to_string(), |n| n.to_string());
    let mut out = format!(
        "  {:<26} {:>10} {:>10} {:>8}\n",
        "file (gzip -9 bytes)", "record", "now", "change"
    );
    let (mut total_record, mut total_now) = (0, 0);
    for row in rows {
        let change = match (row.record, row.now) {
            (Some(a), Some(b)) if a > 0 => percent(a, b),
            _ => String::new(),
        };
        let mark = if row.failure().is_some() { "  <-" } else { "" };
        out.push_str(&format!(
            "  {:<26} {:>10} {:>10} {:>8}{mark}\n",
            row.file,
            show(row.record),
            show(row.now),
            change
        ));
        total_record += row.record.unwrap_or(0);
        total_now += row.now.unwrap_or(0);
    }
    out.push_str(&format!(
        "  {:<26} {:>10} {:>10} {:>8}\n",
        "total",
        total_record,
        total_now,
        if total_record > 0 {
            percent(total_record, total_now)
        } else {
            String::new()
        }
    ));
    out
}

fn percent(record: u64, now: u64) -> String {
    let change = (now as f64 - record as f64) * 100.0 / record as f64;
    format!("{change:+.1}%")
}

/// gzip -9 sizes of every file under `dist`.
pub fn measure(dist: &Path) -> Result<Sizes, String> {
    let mut sizes = Sizes::new();
    for path in files_under(dist)? {
        let name = path
            .strip_prefix(dist)
            .map_err(|_| format!("{} is not under {}", path.display(), dist.display()))?
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        sizes.insert(name, gzip_len(&bytes)?);
    }
    Ok(sizes)
}

fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries =
            fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// `gzip -9 -n` of `bytes`: deterministic, no name or time stamp in the header.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    compress("gzip", &["-9", "-n", "-c"], bytes)?
        .ok_or_else(|| "`gzip` is not installed (apt-get install -y gzip)".to_string())
}

/// The length of `gzip -9 -n` of `bytes`.
pub fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
    gzip(bytes).map(|packed| packed.len() as u64)
}

/// The length of `cmd args` applied to `bytes` on stdin, or `None` when `cmd` is missing.
pub fn compressed_len(cmd: &str, args: &[&str], bytes: &[u8]) -> Result<Option<u64>, String> {
    Ok(compress(cmd, args, bytes)?.map(|packed| packed.len() as u64))
}

/// `cmd args` applied to `bytes` on stdin, or `None` when `cmd` is missing.
fn compress(cmd: &str, args: &[&str], bytes: &[u8]) -> Result<Option<Vec<u8>>, String> {
    use std::io::Write;
    let mut child = match Command::new(cmd)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("could not start `{cmd}`: {e}")),
    };
    // Feed stdin from a thread: the child may fill its stdout pipe before reading all input.
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| format!("`{cmd}` has no standard input"))?;
    let input = bytes.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("`{cmd}` failed: {e}"))?;
    let _ = feeder.join();
    if !out.status.success() {
        return Err(format!(
            "`{cmd}` failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(Some(out.stdout))
}

fn read_record(path: &Path) -> Result<Sizes, String> {
    let text = fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read {}: {e} (create it: `cargo xtask sizes --update`)",
            path.display()
        )
    })?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn write_record(path: &Path, sizes: &Sizes) -> Result<(), String> {
    let mut text =
        serde_json::to_string_pretty(sizes).map_err(|e| format!("{}: {e}", path.display()))?;
    text.push('\n');
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(pairs: &[(&str, u64)]) -> Sizes {
        pairs.iter().map(|(f, n)| (f.to_string(), *n)).collect()
    }

    fn failures(record: &Sizes, now: &Sizes) -> Vec<String> {
        compare(record, now)
            .iter()
            .filter_map(Row::failure)
            .collect()
    }

    #[test]
    fn growth_up_to_one_percent_passes_and_beyond_fails() {
        assert!(within_tolerance(1000, 1000));
        assert!(within_tolerance(1000, 1010));
        assert!(!within_tolerance(1000, 1011));
        assert!(within_tolerance(1000, 10));
        assert!(within_tolerance(0, 0));
        assert!(!within_tolerance(0, 1));
    }

    #[test]
    fn a_grown_file_fails_and_is_named() {
        let record = sizes(&[("index.html", 1000), ("embed/factsheet.js", 500)]);
        let now = sizes(&[("index.html", 1020), ("embed/factsheet.js", 400)]);
        let failed = failures(&record, &now);
        assert_eq!(failed.len(), 1, "{failed:?}");
        assert!(failed[0].starts_with("index.html grew from 1000 to 1020"));
    }

    #[test]
    fn new_and_vanished_files_fail() {
        let record = sizes(&[("a", 10), ("b", 10)]);
        let now = sizes(&[("b", 10), ("c", 10)]);
        let failed = failures(&record, &now);
        assert_eq!(
            failed,
            [
                "a is recorded but not in dist/".to_string(),
                "c has no size record".to_string()
            ]
        );
    }

    #[test]
    fn the_table_lists_every_file_and_marks_failures() {
        let record = sizes(&[("index.html", 1000), ("embed/factsheet.css", 200)]);
        let now = sizes(&[("index.html", 900), ("embed/factsheet.css", 210)]);
        let text = table(&compare(&record, &now));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[1].contains("embed/factsheet.css") && lines[1].contains("+5.0%"));
        assert!(lines[1].ends_with("<-"));
        assert!(lines[2].contains("index.html") && lines[2].contains("-10.0%"));
        assert!(!lines[2].ends_with("<-"));
        assert!(lines[3].contains("1200") && lines[3].contains("1110"));
    }

    #[test]
    fn gzip_sizes_are_deterministic() {
        let text = "the same bytes ".repeat(200);
        let a = gzip_len(text.as_bytes()).unwrap();
        let b = gzip_len(text.as_bytes()).unwrap();
        assert_eq!(a, b);
        assert!(a < text.len() as u64 / 10);
    }
}
