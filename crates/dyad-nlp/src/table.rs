//! Read-only weight tables in memory the kernel may back with huge pages.
//!
//! The parser's weight lookups land all over a table of several megabytes, so with the normal
//! 4 KiB pages nearly every lookup also misses the TLB: the page walk costs about as much as the
//! cache miss itself. Anonymous memory advised with `MADV_HUGEPAGE` is backed by 2 MiB pages
//! when the system's transparent huge pages are in `madvise` or `always` mode (the Linux
//! default is `madvise`), which measured about 15 % more tokens per second for tagging and
//! parsing on this machine (BENCHMARKS.md, section 2). Where the mapping or the advice is not
//! available the table is an ordinary vector, with the same contents and speed as before.

use std::ops::Deref;

/// A read-only slice of plain values, in huge-page-advised memory where the platform allows.
pub struct HugeTable<T: bytemuck::Pod> {
    store: Store<T>,
}

enum Store<T> {
    Vec(Vec<T>),
    /// `len` values from byte `offset` of `map`, where a huge page boundary falls.
    Map {
        map: memmap2::Mmap,
        offset: usize,
        len: usize,
    },
}

/// The huge page size of x86-64 and most arm64 kernels.
const HUGE_PAGE: usize = 2 << 20;

impl<T: bytemuck::Pod> HugeTable<T> {
    /// Copies `values` into a new table.
    pub fn new(values: Vec<T>) -> HugeTable<T> {
        match Self::map(&values) {
            Some((map, offset)) => HugeTable { store: Store::Map { map, offset, len: values.len() } },
            None => HugeTable { store: Store::Vec(values) },
        }
    }

    /// An anonymous mapping advised for huge pages before it is first written (pages are chosen
    /// when they are first touched), holding a copy of `values` from a huge page boundary (the
    /// mapping is one huge page longer so that the boundary falls inside it; only whole, aligned
    /// 2 MiB ranges can be huge pages), and the byte offset of that copy; `None` when that fails.
    fn map(values: &[T]) -> Option<(memmap2::Mmap, usize)> {
        let bytes: &[u8] = bytemuck::cast_slice(values);
        if bytes.is_empty() {
            return None;
        }
        let mut map = memmap2::MmapMut::map_anon(bytes.len() + HUGE_PAGE).ok()?;
        #[cfg(target_os = "linux")]
        {
            // Advice is a hint: a kernel without transparent huge pages refuses it, and the
            // table still works on normal pages.
            let _ = map.advise(memmap2::Advice::HugePage);
        }
        let offset = (HUGE_PAGE - map.as_ptr() as usize % HUGE_PAGE) % HUGE_PAGE;
        map[offset..offset + bytes.len()].copy_from_slice(bytes);
        Some((map.make_read_only().ok()?, offset))
    }

    /// Whether the table lives in a huge-page-advised mapping (for tests and diagnostics).
    pub fn is_mapped(&self) -> bool {
        matches!(self.store, Store::Map { .. })
    }
}

impl<T: bytemuck::Pod> Deref for HugeTable<T> {
    type Target = [T];

    #[inline]
    fn deref(&self) -> &[T] {
        match &self.store {
            Store::Vec(v) => v,
            // The copy starts at a huge page boundary and holds exactly `len` values, so the
            // cast cannot fail; an empty slice would only hide a bug, never read out of bounds.
            Store::Map { map, offset, len } => {
                bytemuck::try_cast_slice(&map[*offset..offset + len * std::mem::size_of::<T>()])
                    .unwrap_or(&[])
            }
        }
    }
}

impl<T: bytemuck::Pod> Clone for HugeTable<T> {
    fn clone(&self) -> Self {
        HugeTable::new(self.to_vec())
    }
}

impl<T: bytemuck::Pod> std::fmt::Debug for HugeTable<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HugeTable").field("len", &self.len()).field("mapped", &self.is_mapped()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_it_was_given() {
        let values: Vec<[i16; 4]> = (0..10_000).map(|i| [i as i16, 1, 2, -(i as i16)]).collect();
        let t = HugeTable::new(values.clone());
        assert_eq!(&t[..], &values[..]);
        assert_eq!(&t.clone()[..], &values[..]);
        #[cfg(target_os = "linux")]
        assert!(t.is_mapped());
        let empty: HugeTable<u32> = HugeTable::new(Vec::new());
        assert!(empty.is_empty() && !empty.is_mapped());
    }
}
