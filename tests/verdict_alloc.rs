//! The verdict alone builds no record: `Validator::is_valid_json` and `is_valid_value`
//! allocate nothing for a valid record that the single pass accepts (counted by a global
//! allocator that counts the calls of the test's own thread), where `check_json` allocates
//! the record's strings, lists and unknown fields.
//!
//! What the checks themselves allocate remains, and this test allows it exactly: a JSON
//! string with escapes is decoded into a `String` (by `serde_json`, as `check_json` decodes
//! it). Beyond the samples, a list of more than 32 items (its duplicates looked for by
//! hash) and a URL that the plain check cannot vouch for (parsed by the `url` crate)
//! allocate too.
#![cfg(feature = "validate")]

#[allow(unexpected_cfgs)]
mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::Validator;
use data_inclusion_schema::Record;
use serde_json::Value;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is passed on to the system allocator unchanged; the counter is a
// thread-local `Cell` with a constant initializer and no destructor, which allocates
// nothing and is never borrowed across a call.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: the caller's contract, passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: the caller's contract, passed on.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: the caller's contract, passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(ptr, layout) }
    }
}

fn count() {
    // `try_with`: the thread's counter may be gone while the thread ends.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The allocations of this thread while `f` runs.
fn allocations<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let out = f();
    (out, ALLOCATIONS.with(Cell::get) - before)
}

/// The valid records of the repository's samples of each kind: the data.gouv.fr export
/// (JSON Lines) and the API's pages.
fn samples(kind: &str) -> Vec<Value> {
    let mut records = Vec::new();
    let jsonl = support::read_to_string(&format!("tests/fixtures/datagouv/{kind}s-sample.jsonl"));
    records.extend(
        jsonl
            .lines()
            .map(|line| serde_json::from_str(line).unwrap()),
    );
    let page = support::read_to_string(&format!("tests/fixtures/api/v1-{kind}s-page.json"));
    let page: Value = serde_json::from_str(&page).unwrap();
    records.extend(page["items"].as_array().unwrap().iter().cloned());
    records
}

/// The strings of `value` (keys included) that JSON text writes with escapes, quoted.
fn escaped(value: &Value, out: &mut Vec<String>) {
    fn string(s: &str, out: &mut Vec<String>) {
        let quoted = serde_json::to_string(s).unwrap();
        if quoted.contains('\\') {
            out.push(quoted);
        }
    }
    match value {
        Value::String(s) => string(s, out),
        Value::Array(items) => items.iter().for_each(|item| escaped(item, out)),
        Value::Object(map) => {
            for (key, item) in map {
                string(key, out);
                escaped(item, out);
            }
        }
        _ => {}
    }
}

fn no_allocation<R: Record>(validator: &Validator, kind: &str) {
    let records = samples(kind);
    assert!(records.len() >= 6, "{kind}: {}", records.len());
    for value in records {
        let text = value.to_string();
        // The single pass accepts the record: the full check does not run.
        assert_eq!(
            validator.single_pass_answers_json::<R>(&text),
            (true, true),
            "{text}"
        );
        assert_eq!(
            validator.single_pass_answers_value::<R>(&value),
            (true, true)
        );
        // Warmed up: the first calls fill the caches (the regular expressions' pools).
        assert!(validator.is_valid_json::<R>(&text) && validator.is_valid_value::<R>(&value));
        let mut quoted = Vec::new();
        escaped(&value, &mut quoted);
        let (_, decoding) = allocations(|| {
            for q in &quoted {
                drop(serde_json::from_str::<String>(q).unwrap());
            }
        });
        let (valid, from_text) = allocations(|| validator.is_valid_json::<R>(&text));
        assert!(valid);
        assert_eq!(
            from_text,
            decoding,
            "{kind}: is_valid_json allocates beyond decoding {} escaped strings: {text}",
            quoted.len()
        );
        let (valid, from_value) = allocations(|| validator.is_valid_value::<R>(&value));
        assert!(valid);
        assert_eq!(from_value, 0, "{kind}: is_valid_value allocates: {text}");
        // The record built by the single pass, for comparison.
        let (checked, building) = allocations(|| validator.check_json::<R>(&text));
        assert!(checked.record.is_some());
        assert!(building > from_text, "{kind}: {building} ≤ {from_text}");
    }
}

#[test]
fn the_verdict_allocates_nothing_for_a_valid_record() {
    let validator = support::validator();
    no_allocation::<Service>(&validator, "service");
    no_allocation::<Structure>(&validator, "structure");
}
