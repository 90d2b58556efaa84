//! The `dossier` binary: everything happens in `dossier::cli`.

// Rendering allocates many small strings and maps from many threads; mimalloc handles that
// pattern with less time in the allocator than glibc's malloc (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    dossier::cli::main()
}
