//! Feeds arbitrary bytes to every reader: none may panic, and each JSON line gives one item.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dyad_io::read_text(data, None);
    let lines = dyad_io::read_jsonl(data, None).count();
    assert!(lines <= data.split(|&c| c == b'\n').count());
    let _ = dyad_io::read_petrarch_xml(data, None);
    let _ = dyad_io::split_petrarch_xml(data);
});
