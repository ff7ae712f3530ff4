//! The browser engines the end-to-end tests run in, named once: `xtask test --engines` reads
//! these names, and the tests (which include this file) read them from `FACTSHEET_ENGINE`.

/// The three engines the end-to-end tests run in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    Webkit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::Webkit];

    /// `chromium,firefox` -> those engines, in the order given; an unknown name is an error
    /// listing the known ones.
    pub fn list(names: &str) -> Result<Vec<Engine>, String> {
        names
            .split(',')
            .map(|name| {
                Engine::ALL
                    .into_iter()
                    .find(|engine| engine.name() == name.trim())
                    .ok_or_else(|| {
                        format!("unknown engine `{name}` in --engines: use chromium, firefox and webkit, separated by commas")
                    })
            })
            .collect()
    }

    /// The name `FACTSHEET_ENGINE` takes, and the screenshots' folder.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }
}
