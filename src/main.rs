//! The `dossier` command; everything it does lives in the library.

// Rendering allocates many small strings and maps from many threads; mimalloc handles that
// contention better than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    no_transparent_huge_pages();
    dossier::cli::main()
}

/// Turns transparent huge pages off for this process.
///
/// A build churns through short-lived allocations; with huge pages each first touch of a
/// 2 MiB region the allocator handed back makes the kernel zero all of it, which measured
/// a tenth of a 10,000-briefing build's CPU and made its system time vary twofold.
#[cfg(target_os = "linux")]
fn no_transparent_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches only this process's flags.
    // Failure (an old kernel) only leaves huge pages on, which is correct, just slower.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn no_transparent_huge_pages() {}
