// Many small allocations on several threads: mimalloc is markedly faster
// than the system allocator here (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    label::cli::run()
}
