//! The one option parser every task uses. A task declares what it accepts once, as a
//! [`Spec`]; the same declaration parses the arguments and writes the task's usage line, so
//! the two cannot drift apart, and every task answers a bad argument in the same words.

use std::str::FromStr;

/// What a task accepts: flags, options that take a value, and at most one operand.
pub struct Spec {
    pub task: &'static str,
    pub flags: &'static [&'static str],
    /// `(--name, VALUE)`: the value's placeholder is what the usage line shows.
    pub valued: &'static [(&'static str, &'static str)],
    /// The placeholder of the operand (a positional argument), if the task takes one; a
    /// placeholder ending in `…` ("ARTICLE…") takes any number of them.
    pub operand: Option<&'static str>,
}

impl Spec {
    /// The task and its arguments as the usage text shows them: `bench [--check] [--runs N]`.
    pub fn synopsis(&self) -> String {
        let operand = self.operand.map(|name| format!("[{name}]"));
        let flags = self.flags.iter().map(|flag| format!("[{flag}]"));
        let valued = self
            .valued
            .iter()
            .map(|(name, value)| format!("[{name} {value}]"));
        std::iter::once(self.task.to_string())
            .chain(operand)
            .chain(flags)
            .chain(valued)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Reads `args`: known flags, `--name value` or `--name=value` for valued options, and
    /// the operand. Anything else is an error naming the argument and the task's usage.
    pub fn parse(&self, args: &[String]) -> Result<Options, String> {
        let mut opts = Options {
            flags: Vec::new(),
            values: Vec::new(),
            operands: Vec::new(),
        };
        let many = self.operand.is_some_and(|o| o.ends_with('…'));
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            if let Some(flag) = self.flags.iter().find(|flag| **flag == arg) {
                opts.flags.push(flag);
            } else if let Some((name, value)) = arg
                .split_once('=')
                .and_then(|(name, value)| Some((self.valued_name(name)?, value)))
            {
                opts.values.push((name, value.to_string()));
            } else if let Some(name) = self.valued_name(arg) {
                let value = rest
                    .next()
                    .ok_or_else(|| self.error(format!("`{name}` needs a value")))?;
                opts.values.push((name, value.clone()));
            } else if arg.starts_with('-') && arg != "-" {
                return Err(self.error(format!("unknown option `{arg}`")));
            } else if self.operand.is_some() && (many || opts.operands.is_empty()) {
                opts.operands.push(arg.clone());
            } else {
                return Err(self.error(format!("unexpected argument `{arg}`")));
            }
        }
        Ok(opts)
    }

    fn valued_name(&self, arg: &str) -> Option<&'static str> {
        self.valued
            .iter()
            .map(|(name, _)| *name)
            .find(|name| *name == arg)
    }

    /// `what`, then the usage line: the one shape of every argument error.
    fn error(&self, what: String) -> String {
        format!("{what} (usage: cargo xtask {})", self.synopsis())
    }
}

/// The arguments one task was given, as its [`Spec`] read them.
#[derive(Debug)]
pub struct Options {
    flags: Vec<&'static str>,
    values: Vec<(&'static str, String)>,
    operands: Vec<String>,
}

impl Options {
    pub fn flag(&self, name: &str) -> bool {
        self.flags.contains(&name)
    }

    /// The value of `name`; the last one when it was given more than once.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of `name` read as a `T`; a value that does not read is an error saying
    /// what was expected: "`--port x` is not a port number".
    pub fn parsed<T: FromStr>(&self, name: &str, expected: &str) -> Result<Option<T>, String> {
        self.value(name)
            .map(|v| {
                v.parse()
                    .map_err(|_| format!("`{name} {v}` is not {expected}"))
            })
            .transpose()
    }

    pub fn operand(&self) -> Option<&str> {
        self.operands.first().map(String::as_str)
    }

    /// Every operand, for a task whose placeholder ends in `…`.
    pub fn operands(&self) -> &[String] {
        &self.operands
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BENCH: Spec = Spec {
        task: "bench",
        flags: &["--check"],
        valued: &[("--runs", "N")],
        operand: None,
    };
    const VERIFY: Spec = Spec {
        task: "verify",
        flags: &[],
        valued: &[("--sources", "DIR")],
        operand: Some("SHEET"),
    };

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn the_usage_line_comes_from_the_declaration() {
        assert_eq!(BENCH.synopsis(), "bench [--check] [--runs N]");
        assert_eq!(VERIFY.synopsis(), "verify [SHEET] [--sources DIR]");
    }

    #[test]
    fn flags_values_and_the_operand_are_read_in_any_order() {
        let opts = BENCH.parse(&args(&["--runs", "3", "--check"])).unwrap();
        assert!(opts.flag("--check"));
        assert_eq!(opts.parsed::<usize>("--runs", "a number"), Ok(Some(3)));
        let opts = BENCH.parse(&args(&["--runs=4", "--runs", "7"])).unwrap();
        assert_eq!(opts.value("--runs"), Some("7"), "the last value counts");
        assert!(!opts.flag("--check"));

        let opts = VERIFY
            .parse(&args(&["--sources", "seeds", "a.json"]))
            .unwrap();
        assert_eq!(opts.operand(), Some("a.json"));
        assert_eq!(opts.value("--sources"), Some("seeds"));
        assert_eq!(VERIFY.parse(&[]).unwrap().operand(), None);
    }

    #[test]
    fn every_bad_argument_is_named_with_the_usage() {
        let usage = "(usage: cargo xtask bench [--check] [--runs N])";
        assert_eq!(
            BENCH.parse(&args(&["--fast"])).unwrap_err(),
            format!("unknown option `--fast` {usage}")
        );
        assert_eq!(
            BENCH.parse(&args(&["--check", "--runs"])).unwrap_err(),
            format!("`--runs` needs a value {usage}")
        );
        assert_eq!(
            BENCH.parse(&args(&["fast"])).unwrap_err(),
            format!("unexpected argument `fast` {usage}")
        );
        assert_eq!(
            VERIFY.parse(&args(&["a.json", "b.json"])).unwrap_err(),
            "unexpected argument `b.json` (usage: cargo xtask verify [SHEET] [--sources DIR])"
        );
        // A flag given a value is not the flag.
        assert!(BENCH.parse(&args(&["--check=yes"])).is_err());
    }

    #[test]
    fn an_operand_ending_in_an_ellipsis_takes_many() {
        const EXTRACT: Spec = Spec {
            task: "extract",
            flags: &[],
            valued: &[("--out", "FILE")],
            operand: Some("ARTICLE…"),
        };
        let opts = EXTRACT
            .parse(&args(&["a.txt", "--out", "d.json", "b.md"]))
            .unwrap();
        assert_eq!(opts.operands(), ["a.txt", "b.md"]);
        assert_eq!(opts.operand(), Some("a.txt"));
        assert_eq!(EXTRACT.synopsis(), "extract [ARTICLE…] [--out FILE]");
    }

    #[test]
    fn a_value_that_does_not_read_says_what_was_expected() {
        let opts = BENCH.parse(&args(&["--runs", "many"])).unwrap();
        assert_eq!(
            opts.parsed::<usize>("--runs", "a positive number"),
            Err("`--runs many` is not a positive number".to_string())
        );
    }
}
