//! Little-endian binary reading and writing for the tagger and lemmatizer model files, and the
//! open-addressing hash index both use.
//!
//! Every read is bounds-checked and reports [`ModelError`], so that corrupt or truncated files
//! are rejected instead of panicking.

use crate::model::ModelError;

/// A cursor over model bytes.
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }

    /// Checks the magic bytes and version number at the start of a model file.
    pub(crate) fn header(
        &mut self,
        magic: &[u8; 8],
        model: &'static str,
        version: u32,
    ) -> Result<(), ModelError> {
        if self.bytes.len() < 8 || self.take(8)? != magic {
            return Err(ModelError::BadMagic { expected: model });
        }
        let found = self.u32()?;
        if found != version {
            return Err(ModelError::Version { model, found, expected: version });
        }
        Ok(())
    }

    pub(crate) fn u32(&mut self) -> Result<u32, ModelError> {
        let mut a = [0u8; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(a))
    }

    /// A length prefix, checked against the bytes left so that corrupt lengths cannot make the
    /// loader allocate gigabytes.
    pub(crate) fn len(&mut self, elem_size: usize) -> Result<usize, ModelError> {
        let n = self.u32()? as usize;
        let need = n.checked_mul(elem_size).ok_or(ModelError::Truncated)?;
        if need > self.bytes.len() - self.pos {
            return Err(ModelError::Truncated);
        }
        Ok(n)
    }

    pub(crate) fn u32s(&mut self) -> Result<Vec<u32>, ModelError> {
        let n = self.len(4)?;
        let b = self.take(n * 4)?;
        Ok(b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }

    pub(crate) fn u64s(&mut self) -> Result<Vec<u64>, ModelError> {
        let n = self.len(8)?;
        let b = self.take(n * 8)?;
        Ok(b.chunks_exact(8)
            .map(|c| {
                let mut a = [0u8; 8];
                a.copy_from_slice(c);
                u64::from_le_bytes(a)
            })
            .collect())
    }

    /// A length-prefixed byte string.
    pub(crate) fn bytes(&mut self) -> Result<&'a [u8], ModelError> {
        let n = self.len(1)?;
        self.take(n)
    }

    pub(crate) fn finish(&self) -> Result<(), ModelError> {
        if self.pos != self.bytes.len() {
            return Err(ModelError::Corrupt(format!("{} trailing bytes", self.bytes.len() - self.pos)));
        }
        Ok(())
    }
}

pub(crate) fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

pub(crate) fn put_u32s(out: &mut Vec<u8>, v: &[u32]) {
    put_u32(out, v.len() as u32);
    for x in v {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

pub(crate) fn put_u64s(out: &mut Vec<u8>, v: &[u64]) {
    put_u32(out, v.len() as u32);
    for x in v {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

pub(crate) fn put_bytes(out: &mut Vec<u8>, v: &[u8]) {
    put_u32(out, v.len() as u32);
    out.extend_from_slice(v);
}

/// Most keys [`HashIndex::get_batch`] takes at once.
pub(crate) const BATCH: usize = 32;

/// An open-addressing hash table from 64-bit hashes to 32-bit values, one `u64` per slot
/// (32-bit fingerprint above, value below) so that a lookup touches one cache line.
///
/// The slot is chosen by the low bits of the hash and the fingerprint is its high 32 bits, so a
/// false match needs a 32-bit collision within the probe run; the models accept that.
#[derive(Debug, Clone, Default)]
pub(crate) struct HashIndex {
    mask: usize,
    slots: Vec<u64>,
}

impl HashIndex {
    /// Builds a table at most 70 % full (linear probing stays short, mostly within a cache line).
    pub(crate) fn build(items: &[(u64, u32)]) -> HashIndex {
        Self::build_with_load(items, 70)
    }

    /// Builds a table at most `max_load` percent full (at most 90).
    pub(crate) fn build_with_load(items: &[(u64, u32)], max_load: usize) -> HashIndex {
        let n = (items.len() * 100 / max_load.clamp(10, 90) + 1).next_power_of_two().max(16);
        let mut t = HashIndex { mask: n - 1, slots: vec![0; n] };
        for &(h, v) in items {
            let fp = Self::fingerprint(h);
            let mut i = (h as usize) & t.mask;
            loop {
                let s = t.slots[i];
                if s == 0 || (s >> 32) as u32 == fp {
                    t.slots[i] = (fp as u64) << 32 | v as u64;
                    break;
                }
                i = (i + 1) & t.mask;
            }
        }
        t
    }

    #[inline]
    fn fingerprint(h: u64) -> u32 {
        ((h >> 32) as u32) | 1
    }

    #[inline]
    pub(crate) fn get(&self, h: u64) -> Option<u32> {
        let fp = Self::fingerprint(h);
        let mut i = (h as usize) & self.mask;
        loop {
            let s = *self.slots.get(i)?;
            if (s >> 32) as u32 == fp {
                return Some(s as u32);
            }
            if s == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Looks up to [`BATCH`] keys up at once: the first slot of every key is loaded before any
    /// is examined, so that the memory accesses overlap instead of waiting on one another.
    #[inline]
    pub(crate) fn get_batch(&self, keys: &[u64], out: &mut [Option<u32>; BATCH]) {
        let mut first = [0u64; BATCH];
        for (f, &h) in first.iter_mut().zip(keys) {
            *f = self.slots.get((h as usize) & self.mask).copied().unwrap_or(0);
        }
        for ((o, &f), &h) in out.iter_mut().zip(&first).zip(keys) {
            let fp = Self::fingerprint(h);
            *o = if (f >> 32) as u32 == fp {
                Some(f as u32)
            } else if f == 0 {
                None
            } else {
                self.get(h)
            };
        }
    }

    /// The stored values (for validation on load).
    pub(crate) fn values(&self) -> impl Iterator<Item = u32> + '_ {
        self.slots.iter().filter(|&&s| s != 0).map(|&s| s as u32)
    }

    pub(crate) fn len(&self) -> usize {
        self.slots.iter().filter(|&&s| s != 0).count()
    }

    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        put_u64s(out, &self.slots);
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<HashIndex, ModelError> {
        let slots = r.u64s()?;
        let n = slots.len();
        if !n.is_power_of_two() {
            return Err(ModelError::Corrupt("hash table size is not a power of two".into()));
        }
        // A lookup stops at an empty slot, so a table without one could loop forever.
        if !slots.contains(&0) {
            return Err(ModelError::Corrupt("hash table has no empty slot".into()));
        }
        Ok(HashIndex { mask: n - 1, slots })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_round_trip() {
        let items: Vec<(u64, u32)> =
            (0..1000u64).map(|i| (crate::tagger::features::mix(i + 1), i as u32 * 3)).collect();
        let t = HashIndex::build(&items);
        for &(h, v) in &items {
            assert_eq!(t.get(h), Some(v));
        }
        assert_eq!(t.get(crate::tagger::features::mix(5000)), None);
        let mut b = Vec::new();
        t.write(&mut b);
        let t2 = HashIndex::read(&mut Reader::new(&b)).unwrap();
        assert_eq!(t2.get(items[7].0), Some(items[7].1));
        assert_eq!(t2.len(), 1000);
    }

    #[test]
    fn reader_rejects_huge_lengths() {
        let b = [0xff, 0xff, 0xff, 0x7f, 1, 2];
        assert!(matches!(Reader::new(&b).u64s(), Err(ModelError::Truncated)));
    }
}
