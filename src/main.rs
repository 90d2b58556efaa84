//! The `dossier` binary: everything happens in `dossier::cli`.

fn main() -> std::process::ExitCode {
    dossier::cli::main()
}
