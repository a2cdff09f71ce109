//! The command line: the options every command shares, read once into [`Args`], and the clock
//! that gives runs without `--date` today's date.

use latih::engine::balance::Policy;
use latih::engine::{Date, Lang};

/// The options given, whatever the command; each command reads the ones it needs.
pub(crate) struct Args {
    pub(crate) files: Vec<String>,
    pub(crate) runs: u32,
    pub(crate) seed: u64,
    pub(crate) choices: Vec<String>,
    pub(crate) lang: Lang,
    pub(crate) policy: Option<Policy>,
    pub(crate) calc: Vec<(String, String)>,
    pub(crate) government_paid: bool,
    pub(crate) after_practice: bool,
    pub(crate) xapi: bool,
}

impl Args {
    /// The value of a `--key value` option kept as text (`--income`, `--date`, ...).
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.calc
            .iter()
            .find(|(n, _)| n == key)
            .map(|(_, v)| v.as_str())
    }

    /// `--date`, or today.
    pub(crate) fn date(&self) -> Result<Date, String> {
        match self.get("date") {
            Some(d) => Date::parse(d).ok_or_else(|| format!("--date takes YYYY-MM-DD, not {d}")),
            None => Ok(today()),
        }
    }
}

/// Today's date in NTB (UTC+8), where the app is used.
fn today() -> Date {
    Date::from_unix_days(((now_seconds() + 8 * 3600) / 86_400) as i64)
}

/// Reads the options after the command; an unknown option is an error, anything else a file.
pub(crate) fn parse(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        files: Vec::new(),
        runs: 2000,
        seed: 1,
        choices: Vec::new(),
        lang: Lang::Id,
        policy: None,
        calc: Vec::new(),
        government_paid: false,
        after_practice: false,
        xapi: false,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--runs" => {
                a.runs = value("--runs")?
                    .parse()
                    .map_err(|_| "--runs takes a number")?
            }
            "--seed" => {
                a.seed = value("--seed")?
                    .parse()
                    .map_err(|_| "--seed takes a number")?
            }
            "--choices" => {
                a.choices = value("--choices")?
                    .split(',')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect()
            }
            "--lang" => a.lang = Lang::from_code(&value("--lang")?).ok_or("--lang is id or en")?,
            "--policy" => {
                let name = value("--policy")?;
                a.policy = Some(
                    Policy::ALL
                        .into_iter()
                        .find(|p| p.name() == name)
                        .ok_or(format!("unknown policy {name}"))?,
                )
            }
            "--government-paid" => a.government_paid = true,
            "--after-practice" => a.after_practice = true,
            "--xapi" => a.xapi = true,
            "--income" | "--package" | "--occupation" | "--date" | "--name" | "--place"
            | "--wadah" | "--pre" | "--post" | "--practice" | "--workshop" | "--months"
            | "--workshop-file" | "--phase" | "--started" | "--agents" => {
                let v = value(arg)?;
                a.calc.push((arg.trim_start_matches("--").to_owned(), v));
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => a.files.push(file.to_owned()),
        }
    }
    Ok(a)
}

/// Seconds since 1970 (0 if the clock is before it), for today's date and workshop ids.
pub(crate) fn now_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
