fn main() -> std::process::ExitCode {
    label::cli::run()
}
