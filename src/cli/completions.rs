//! What other tools expect of a command line: `label completions SHELL`,
//! `label man` and `label help [COMMANDE]`, all drawn from the one clap
//! model of [`super::Cli`], so they never disagree with the real options.

use clap::{CommandFactory, Parser};

use super::{Cli, Out};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Shell : bash, zsh, fish, powershell, elvish
    #[arg(value_enum, value_name = "SHELL", hide_possible_values = true)]
    shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct HelpArgs {
    /// La commande dont afficher l'aide (par défaut : l'aide générale)
    #[arg(value_name = "COMMANDE")]
    command: Option<String>,
}

/// `label completions SHELL`: the script on standard output.
pub fn run(args: &Args, out: &mut Out) -> u8 {
    let mut command = Cli::command();
    // Into memory first: clap_complete panics on a failed write, and only
    // `Out` may tell a closed pipe from a full disk.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "label", &mut script);
    out.stream(|w| w.write_all(&script));
    0
}

/// `label help [COMMANDE]`: the same text as `label [COMMANDE] --help`, as
/// git and cargo users expect.
pub fn help(args: &HelpArgs, out: &mut Out) -> u8 {
    let mut argv = vec!["label".to_string()];
    argv.extend(args.command.clone());
    argv.push("--help".into());
    match Cli::try_parse_from(argv) {
        Err(error) if !error.use_stderr() => {
            out.print(&error.render().to_string());
            0
        }
        Err(error) => {
            super::out::eprint(&super::usage_error::french(&error));
            2
        }
        Ok(_) => 0,
    }
}

/// `label man`: one page, section 1, every command with its options; the
/// section titles clap_mangen writes in English are put in French.
pub fn man(out: &mut Out) -> u8 {
    let mut command = Cli::command();
    // Built, the commands carry the global options and the French help.
    command.build();
    let mut page = Vec::new();
    let rendered = clap_mangen::Man::new(command.clone())
        .manual("Manuel de label")
        .render(&mut page)
        .and_then(|()| subcommand_sections(&command, &mut page));
    if rendered.is_err() {
        return 2;
    }
    let page = String::from_utf8_lossy(&page);
    out.print(&french_man(&page, &command));
    0
}

/// After the list of commands, one section per command: its synopsis,
/// what it does and its options.
fn subcommand_sections(command: &clap::Command, page: &mut Vec<u8>) -> std::io::Result<()> {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("label {}", sub.get_name());
        let sub = sub.clone().bin_name(name.clone());
        page.extend_from_slice(format!(".SH \"{}\"\n", name.to_uppercase()).as_bytes());
        let man = clap_mangen::Man::new(sub.clone());
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        man.render_description_section(&mut part)?;
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            man.render_options_section(&mut part)?;
        }
        // Inside a command's section, its parts are subsections.
        let part = String::from_utf8_lossy(&part).replace(".SH ", ".SS ");
        page.extend_from_slice(part.as_bytes());
    }
    Ok(())
}

/// clap_mangen's fixed English words, in French.
const FRENCH: &[(&str, &str)] = &[
    (".SH NAME", ".SH NOM"),
    (".SH \"OPTIONS \"", ".SH OPTIONS"),
    (".SH \"Commandes \"", ".SH COMMANDES"),
    (".SS SYNOPSIS", ".SS Synopsis"),
    (".SS DESCRIPTION", ".SS Description"),
    (".SS \"OPTIONS \"", ".SS Options"),
    (".SS OPTIONS", ".SS Options"),
    ("[default: ", "[par défaut : "),
    ("Possible values:", "Valeurs possibles :"),
];

fn french_man(page: &str, command: &clap::Command) -> String {
    let mut page = FRENCH
        .iter()
        .fold(page.to_string(), |page, (english, french)| {
            page.replace(english, french)
        });
    // The commands are sections of this page, not pages of their own.
    for sub in command.get_subcommands() {
        let name = sub.get_name().replace('-', "\\-");
        page = page.replace(&format!("label\\-{name}(1)"), &format!("label {name}"));
    }
    page
}
