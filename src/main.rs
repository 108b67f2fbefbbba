//! The `lede` binary: parse the command line, dispatch, map errors to one
//! line and an exit code. It also sets the process's allocator policy,
//! which is the binary's to choose, not the library's.

use std::process::ExitCode;

use lede::cli;

fn main() -> ExitCode {
    pin_mmap_threshold();
    match cli::parse().and_then(cli::run) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("lede: {err}");
            ExitCode::from(err.exit_code() as u8)
        }
    }
}

/// Blocks above this size get pages of their own, given back when freed.
const MMAP_THRESHOLD: i32 = 128 * 1024;

/// Keeps glibc from raising its mmap threshold. By default, freeing a
/// large block (the bytes of a long file once it is parsed) raises the
/// threshold to that block's size, so the next blocks of a few megabytes
/// (parse and extraction working memory) come from the heap of the thread
/// that asked, where freed ones stay resident between live ones. Pinned
/// at glibc's own starting value, a 5 MB Markdown article peaks at 41-44
/// MB resident instead of 53-54.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn pin_mmap_threshold() {
    // SAFETY: `mallopt` only sets an allocator parameter; it is called
    // before any other thread exists, and a refusal (return 0) leaves the
    // default policy, which is correct, only larger.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn pin_mmap_threshold() {}
