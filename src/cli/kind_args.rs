//! The arguments of `dossier new` there is one of per kind of entity, made from [`Kind`]:
//! the `--actor NAME` options of `new briefing` and the `new actor NAME` subcommands.
//! Written by hand against clap's traits, since derive knows only fields and variants.

use super::RootArg;
use crate::model::{Kind, PerKind};
use clap::{Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches, Subcommand};

/// `--actor NAME`, `--place NAME`, …: the names a new briefing starts with.
pub(super) struct NamedArgs(pub PerKind<Vec<String>>);

impl FromArgMatches for NamedArgs {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        Ok(NamedArgs(PerKind::from_fn(|kind| {
            let given = m.get_many::<String>(kind.dir()).into_iter().flatten();
            given.cloned().collect()
        })))
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = NamedArgs::from_arg_matches(m)?;
        Ok(())
    }
}

impl Args for NamedArgs {
    fn augment_args(cmd: Command) -> Command {
        Kind::ALL.into_iter().fold(cmd, |cmd, kind| {
            cmd.arg(
                Arg::new(kind.dir())
                    .long(kind.word())
                    .value_name("NAME")
                    .action(ArgAction::Append)
                    .help(format!(
                        "{} it names (repeat for more)",
                        capital(kind.a_word())
                    )),
            )
        })
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        NamedArgs::augment_args(cmd)
    }
}

/// `dossier new actor NAME`, …: a profile of one kind.
pub(super) struct NewProfile {
    pub kind: Kind,
    pub name: String,
    pub root: RootArg,
}

impl FromArgMatches for NewProfile {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        let missing = || clap::Error::new(clap::error::ErrorKind::MissingSubcommand);
        let (word, sub) = m.subcommand().ok_or_else(missing)?;
        let kind = Kind::from_word(word).ok_or_else(missing)?;
        let name = sub
            .get_one::<String>("name")
            .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::MissingRequiredArgument))?;
        Ok(NewProfile {
            kind,
            name: name.clone(),
            root: RootArg::from_arg_matches(sub)?,
        })
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = NewProfile::from_arg_matches(m)?;
        Ok(())
    }
}

impl Subcommand for NewProfile {
    fn augment_subcommands(cmd: Command) -> Command {
        Kind::ALL.into_iter().fold(cmd, |cmd, kind| {
            let word = kind.word();
            let name = Arg::new("name")
                .value_name("NAME")
                .required(true)
                .help(format!("The {word}'s {}", kind.name_key()));
            // After `RootArg`'s arguments, whose derive sets an `about` of its own.
            let sub = RootArg::augment_args(Command::new(word).arg(name))
                .about(format!(
                    "{} profile: content/{}/<id>.md",
                    capital(kind.a_word()),
                    kind.dir()
                ))
                .after_help(format!(
                    "Example:\n  dossier new {word} \"{}\"",
                    kind.example()
                ));
            cmd.subcommand(sub)
        })
    }

    fn augment_subcommands_for_update(cmd: Command) -> Command {
        NewProfile::augment_subcommands(cmd)
    }

    fn has_subcommand(name: &str) -> bool {
        Kind::from_word(name).is_some()
    }
}

/// `an actor` → `An actor`.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
