//! Reading on one thread, validating on several: [`Parallel`] ([`Reader::parallel`]).
//!
//! The reader's thread reads the records whole (the format's framing: JSON Lines' line
//! ends, a JSON array's elements, CSV rows with their quoted line breaks; the size limit,
//! UTF-8 and the cell count checked), in order, with every error a sequential reading
//! gives, and hands them over in batches to `jobs - 1` worker threads
//! ([`std::thread::scope`], no dependency), or does a batch itself when they are all
//! busy: the rest of the reader's work on each record (its syntax checked, its cells
//! read, validated). The results come back in the order of the input:
//! each item is exactly the one [`Reader::next_checked`] (or [`Iterator::next`]) gives.
//!
//! Memory stays bounded: at most `2 × jobs + 2` batches are between the reader and the
//! caller at any time, a batch holding at most [`BATCH_RECORDS`] records (or
//! [`Parallel::with_batch_size`]) and [`BATCH_BYTES`] bytes of text (one record if
//! larger).
//!
//! The records of a batch are written end to end in one buffer (an [`Arena`]), which the
//! worker sends back once the batch is done, to be filled again: the reader's thread
//! allocates nothing per record, and no memory goes from one thread to be freed on
//! another record by record.

use std::collections::VecDeque;
use std::io::Read;
use std::num::NonZeroUsize;
use std::sync::mpsc::{self, Receiver, Sender, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

use super::csv::{OwnedRow, Shape};
use super::entry::{CheckedEntry, Entry};
use super::error::RecordError;
use super::item::Item;
use super::json::OwnedJson;
use super::reader::Reader;
use crate::validate::Validator;
use crate::Record;

/// The most records in one batch handed to a worker, by default
/// ([`Parallel::with_batch_size`]).
pub(crate) const BATCH_RECORDS: usize = 256;

/// The most bytes of record text in one batch handed to a worker (a batch holds one
/// record at least, whatever its size).
pub(crate) const BATCH_BYTES: usize = 256 * 1024;

/// An arena kept for the next batches only up to this capacity (a batch that held a
/// huge record does not keep its memory).
const ARENA_KEPT_UP_TO: usize = 4 * BATCH_BYTES;

/// The text of the records of one batch, end to end, which the records read whole
/// ([`Owned`]) point into; filled by the reader's thread, read by a worker, then cleared
/// and sent back to be filled again.
pub(crate) struct Arena {
    /// The records' text (a JSON record's, a CSV row's cells').
    pub(crate) text: String,
    /// Where each cell of the CSV rows ends, in its row's text.
    pub(crate) ends: Vec<usize>,
    /// What the batch's CSV rows share (one `Arc` for the batch, not one per row).
    pub(crate) shape: Option<Arc<Shape>>,
}

impl Arena {
    /// An arena for a new batch.
    fn new() -> Arena {
        Arena {
            text: String::with_capacity(BATCH_BYTES + BATCH_BYTES / 4),
            ends: Vec::new(),
            shape: None,
        }
    }

    /// Cleared for the next batch; `None` when it grew too large to keep.
    fn recycled(mut self) -> Option<Arena> {
        if self.text.capacity() > ARENA_KEPT_UP_TO
            || self.ends.capacity() > ARENA_KEPT_UP_TO / std::mem::size_of::<usize>()
        {
            return None;
        }
        self.clear();
        Some(self)
    }

    /// Emptied, its memory kept.
    fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
        self.shape = None;
    }
}

/// A record read whole by the reader's thread (its text in the batch's [`Arena`]), its
/// reading finished on a worker.
pub(crate) enum Owned {
    /// A JSON or JSON Lines record's text.
    Json(OwnedJson),
    /// A CSV row's cells.
    Row(OwnedRow),
    /// A record the reader had already made an entry (read ahead to tell the kind).
    Entry(Entry),
}

impl Owned {
    /// What [`Reader::next_checked`] gives for the record.
    fn check<T: Record>(
        &self,
        arena: &Arena,
        validator: &Validator,
    ) -> Result<CheckedEntry<T>, RecordError> {
        match self {
            Owned::Json(json) => json.check(arena, validator),
            Owned::Row(row) => Ok(row.check(arena, validator)),
            Owned::Entry(entry) => Ok(CheckedEntry {
                line: entry.line,
                checked: entry.input.check(validator),
            }),
        }
    }

    /// What [`Parallel::verdicts`] gives for the record.
    fn verdict<T: Record>(
        &self,
        arena: &Arena,
        validator: &Validator,
    ) -> Result<CheckedEntry<()>, RecordError> {
        match self {
            Owned::Json(json) => json.verdict::<T>(arena, validator),
            Owned::Row(row) => Ok(row.verdict::<T>(arena, validator)),
            Owned::Entry(entry) => Ok(CheckedEntry {
                line: entry.line,
                checked: entry.input.verdict::<T>(validator),
            }),
        }
    }

    /// What [`Iterator::next`] gives for the record.
    fn entry(self, arena: &Arena) -> Result<Entry, RecordError> {
        match self {
            Owned::Json(json) => json.entry(arena),
            Owned::Row(row) => Ok(row.entry(arena)),
            Owned::Entry(entry) => Ok(entry),
        }
    }
}

/// A [`Reader`] read on its thread and validated on `jobs` threads, in the order of the
/// input: see [`Reader::parallel`].
#[derive(Debug)]
#[must_use = "a Parallel does nothing until `checked` or `entries` runs it"]
pub struct Parallel<'r, R: Read> {
    reader: &'r mut Reader<R>,
    jobs: NonZeroUsize,
    batch: NonZeroUsize,
}

impl<R: Read> Reader<R> {
    /// The records of this reader validated on `jobs` threads ([`Parallel::checked`]), or
    /// made entries and mapped on them ([`Parallel::entries`]), given back in the order
    /// of the input on the calling thread: the same items, the same lines, in the same
    /// order as [`Reader::checked`] and the plain iterator give them, whatever `jobs` is.
    /// With `jobs` 1, no thread is started. The [`Validator`] is shared by the threads.
    ///
    /// The reading itself (a line's end, a CSV row's quotes, the size limit, UTF-8) stays
    /// on the calling thread; each record's syntax, cells and validation go, a batch of
    /// records at a time, to `jobs - 1` worker threads, or are done on the calling thread
    /// when the workers are busy: `jobs` threads work, no more.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use data_inclusion_schema::io::{Format, Item, Reader};
    /// use data_inclusion_schema::v1::Structure;
    /// use data_inclusion_schema::validate::Validator;
    ///
    /// let jsonl: String = (1..=1000)
    ///     .map(|i| format!("{{\"source\": \"dora\", \"id\": \"dora--{i}\", \"nom\": \"{}\", \"date_maj\": \"2025-02-14\"}}\n",
    ///         if i % 100 == 0 { "M" } else { "Mission locale" }))
    ///     .collect();
    /// let validator = Validator::new();
    /// let mut lines_in_error = Vec::new();
    /// let mut reader = Reader::new(jsonl.as_bytes(), Format::JsonLines);
    /// reader.parallel(NonZeroUsize::new(4).unwrap()).checked::<Structure, ()>(&validator, |item| {
    ///     if let Item::Record(entry) = item {
    ///         if !entry.checked.is_valid() {
    ///             lines_in_error.push(entry.line);
    ///         }
    ///     }
    ///     Ok(())
    /// })?;
    /// assert_eq!(lines_in_error, [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    /// # Ok::<(), ()>(())
    /// ```
    pub fn parallel(&mut self, jobs: NonZeroUsize) -> Parallel<'_, R> {
        Parallel {
            reader: self,
            jobs,
            batch: NonZeroUsize::new(BATCH_RECORDS).unwrap_or(NonZeroUsize::MIN),
        }
    }
}

impl<R: Read> Parallel<'_, R> {
    /// At most `records` records in a batch handed to a worker (256 by
    /// default): larger batches cost less to hand over, smaller ones keep the workers
    /// busy on short inputs. The items given are the same whatever it is.
    pub fn with_batch_size(mut self, records: NonZeroUsize) -> Self {
        self.batch = records;
        self
    }

    /// Validates every record as a `T` and gives each item to `each`, in the order of the
    /// input: the items [`Reader::checked`] gives. An error of `each` stops the reading
    /// (the records being validated are dropped) and is returned.
    pub fn checked<T, E>(
        self,
        validator: &Validator,
        each: impl FnMut(Item<CheckedEntry<T>>) -> Result<(), E>,
    ) -> Result<(), E>
    where
        T: Record + Send,
    {
        self.checked_map(validator, |entry| entry, each)
    }

    /// [`Parallel::checked`], each validated record mapped by `map` on the worker
    /// threads: what the caller does not need (the typed record, when only the problems
    /// matter) is dropped there.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use data_inclusion_schema::io::{Format, Reader};
    /// use data_inclusion_schema::v1::Structure;
    /// use data_inclusion_schema::validate::Validator;
    ///
    /// let jsonl = "{\"source\": \"dora\", \"id\": \"dora--1\", \"nom\": \"M\", \"date_maj\": \"2025-02-14\"}\n";
    /// let validator = Validator::new();
    /// let mut codes = Vec::new();
    /// Reader::new(jsonl.as_bytes(), Format::JsonLines)
    ///     .parallel(NonZeroUsize::new(2).unwrap())
    ///     .checked_map::<Structure, _, ()>(
    ///         &validator,
    ///         |entry| (entry.line, entry.checked.problems),
    ///         |item| {
    ///             let (line, problems) = item.record().unwrap();
    ///             codes.extend(problems.iter().map(|p| (line, p.code().as_str())));
    ///             Ok(())
    ///         },
    ///     )?;
    /// assert_eq!(codes, [(1, "string_too_short")]);
    /// # Ok::<(), ()>(())
    /// ```
    pub fn checked_map<T, U, E>(
        self,
        validator: &Validator,
        map: impl Fn(CheckedEntry<T>) -> U + Sync,
        mut each: impl FnMut(Item<U>) -> Result<(), E>,
    ) -> Result<(), E>
    where
        T: Record,
        U: Send,
    {
        let reader = self.reader;
        reader.read_as::<T>();
        if self.jobs.get() == 1 {
            while let Some(item) = reader.next_checked::<T>(validator) {
                each(item.map(&map))?;
            }
            return Ok(());
        }
        let (jobs, batch) = (self.jobs, self.batch.get());
        let work = |arena: &Arena, owned: Owned| owned.check::<T>(arena, validator).map(&map);
        run(reader, jobs, batch, work, each)
    }

    /// [`Parallel::checked`] without the records: each record's verdict and problems, the
    /// same items in the same order, `checked.record` being `Some(())` where `checked`
    /// gives a record. A record with nothing to report is read without being built, as
    /// [`Validator::verdict_json`] reads it (its fields checked, the fields the schema
    /// does not know read but not kept): less work and less memory for a report on a
    /// file. The `data-inclusion validate` tool reads its files so.
    ///
    /// With `jobs` 1, no thread is started: each record is read and checked in turn.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use data_inclusion_schema::io::{Format, Item, Reader};
    /// use data_inclusion_schema::v1::Structure;
    /// use data_inclusion_schema::validate::Validator;
    ///
    /// let csv = "id,nom,source,date_maj\ndora--1,Mission locale,dora,2025-02-14\ndora--2,M,dora,2025-02-14\n";
    /// let validator = Validator::new().with_advice(false);
    /// let mut report = Vec::new();
    /// Reader::new(csv.as_bytes(), Format::Csv)
    ///     .parallel(NonZeroUsize::new(2).unwrap())
    ///     .verdicts::<Structure, ()>(&validator, |item| {
    ///         if let Item::Record(entry) = item {
    ///             let codes: Vec<_> = entry.checked.problems.iter().map(|p| p.code().as_str()).collect();
    ///             report.push((entry.line, entry.checked.is_valid(), codes));
    ///         }
    ///         Ok(())
    ///     })?;
    /// assert_eq!(report, [(2, true, vec![]), (3, false, vec!["string_too_short"])]);
    /// # Ok::<(), ()>(())
    /// ```
    pub fn verdicts<T: Record, E>(
        self,
        validator: &Validator,
        mut each: impl FnMut(Item<CheckedEntry<()>>) -> Result<(), E>,
    ) -> Result<(), E> {
        let reader = self.reader;
        reader.read_as::<T>();
        let work = |arena: &Arena, owned: Owned| owned.verdict::<T>(arena, validator);
        if self.jobs.get() == 1 {
            let mut arena = Arena::new();
            loop {
                arena.clear();
                let Some(item) = reader.next_owned(&mut arena) else {
                    return Ok(());
                };
                each(do_item(&work, &arena, Item::from(item)))?;
            }
        }
        run(reader, self.jobs, self.batch.get(), work, each)
    }

    /// Makes an [`Entry`] of every record, maps it with `map` on the worker threads, and
    /// gives each item to `each`, in the order of the input: the items of the plain
    /// iterator, mapped. An error of `each` stops the reading and is returned.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use data_inclusion_schema::io::{Format, Item, Reader};
    /// use data_inclusion_schema::v1::Structure;
    /// use data_inclusion_schema::validate::Validator;
    ///
    /// let csv = "id,nom,source,date_maj\ndora--1,Mission locale,dora,2025-02-14\n\"dora\n--2\",M,dora,2025-02-14\n";
    /// let validator = Validator::new();
    /// let mut seen = Vec::new();
    /// let mut reader = Reader::new(csv.as_bytes(), Format::Csv);
    /// reader.parallel(NonZeroUsize::new(2).unwrap()).entries(
    ///     |entry| (entry.line, entry.input.check::<Structure>(&validator).problems.len()),
    ///     |item| {
    ///         seen.push(item.record().unwrap());
    ///         Ok::<(), ()>(())
    ///     },
    /// )?;
    /// assert_eq!(seen, [(2, 0), (3, 1)]);
    /// # Ok::<(), ()>(())
    /// ```
    pub fn entries<U, E>(
        self,
        map: impl Fn(Entry) -> U + Sync,
        mut each: impl FnMut(Item<U>) -> Result<(), E>,
    ) -> Result<(), E>
    where
        U: Send,
    {
        let reader = self.reader;
        if self.jobs.get() == 1 {
            for item in reader.by_ref() {
                each(item.map(&map))?;
            }
            return Ok(());
        }
        let (jobs, batch) = (self.jobs, self.batch.get());
        let work = |arena: &Arena, owned: Owned| owned.entry(arena).map(&map);
        run(reader, jobs, batch, work, each)
    }
}

/// The items of one batch, read or done.
type Batch<T> = Vec<Item<T>>;

/// A batch to do (its records' text in the arena), and where its result goes.
type Job<U> = (Arena, Batch<Owned>, SyncSender<Batch<U>>);

/// A batch given to a worker, or done on the reader's thread.
enum Pending<U> {
    /// Done on the reader's thread.
    Done(Batch<U>),
    /// Being done by a worker.
    Sent(Receiver<Batch<U>>),
}

/// `work`s the records of `batch` (their text in `arena`): the items done, and the arena
/// cleared to be filled again (unless it grew too large to keep).
fn do_batch<U>(
    work: &impl Fn(&Arena, Owned) -> Result<U, RecordError>,
    arena: Arena,
    batch: Batch<Owned>,
) -> (Batch<U>, Option<Arena>) {
    let items = batch
        .into_iter()
        .map(|item| do_item(work, &arena, item))
        .collect();
    (items, arena.recycled())
}

/// `work`s one item's record (its text in `arena`).
fn do_item<U>(
    work: &impl Fn(&Arena, Owned) -> Result<U, RecordError>,
    arena: &Arena,
    item: Item<Owned>,
) -> Item<U> {
    match item {
        Item::Record(owned) => match work(arena, owned) {
            Ok(done) => Item::Record(done),
            Err(e) => Item::Unreadable(e),
        },
        Item::Unreadable(e) => Item::Unreadable(e),
        Item::Stopped(e) => Item::Stopped(e),
    }
}

/// Reads `reader` on this thread, `work`s its records on this thread and `jobs - 1`
/// others, and gives the items to `each` in order.
///
/// The reader's thread is one of the `jobs`: it gives each batch it reads to the workers
/// while they have one waiting at most, and does it itself otherwise. No more threads run
/// than `jobs` (a reader thread beside `jobs` workers would take turns with them on the
/// cores, and each batch would be read on one core and validated on another): the
/// batches the reader's thread does itself are validated while their text is still in
/// its core's cache.
fn run<R: Read, U: Send, E>(
    reader: &mut Reader<R>,
    jobs: NonZeroUsize,
    batch_records: usize,
    work: impl Fn(&Arena, Owned) -> Result<U, RecordError> + Sync,
    mut each: impl FnMut(Item<U>) -> Result<(), E>,
) -> Result<(), E> {
    let in_flight = 2 * jobs.get() + 2;
    let workers = jobs.get() - 1;
    // One batch waiting per worker: beyond, the reader's thread does the batch itself.
    let (to_do, queue) = mpsc::sync_channel::<Job<U>>(workers.max(1));
    let queue = Mutex::new(queue);
    // The arenas of the batches done, back to the reader's thread.
    let (give_back, spare) = mpsc::channel::<Arena>();
    let mut spares: Vec<Arena> = Vec::new();
    let work = &work;
    let queue = &queue;
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let give_back: Sender<Arena> = give_back.clone();
            scope.spawn(move || loop {
                // The lock is held while waiting for a job only: one worker waits, the
                // others work.
                let job = match queue.lock() {
                    Ok(queue) => queue.recv(),
                    Err(_) => return,
                };
                let Ok((arena, batch, done)) = job else {
                    return;
                };
                let (items, arena) = do_batch(work, arena, batch);
                if let Some(arena) = arena {
                    // The reader may have stopped: then the arena is dropped.
                    let _ = give_back.send(arena);
                }
                // The caller may have stopped: then nobody waits for this batch.
                let _ = done.send(items);
            });
        }
        drop(give_back);
        let mut pending: VecDeque<Pending<U>> = VecDeque::with_capacity(in_flight);
        let mut ended = false;
        let result = loop {
            while !ended && pending.len() < in_flight {
                let mut arena = spares
                    .pop()
                    .or_else(|| spare.try_recv().ok())
                    .unwrap_or_else(Arena::new);
                let batch = read_batch(reader, &mut arena, batch_records, &mut ended);
                if batch.is_empty() {
                    spares.push(arena);
                    break;
                }
                let (done, result) = mpsc::sync_channel(1);
                match to_do.try_send((arena, batch, done)) {
                    Ok(()) => pending.push_back(Pending::Sent(result)),
                    // The workers are busy (or there are none left: one panicked, which
                    // the scope says): this thread does the batch.
                    Err(TrySendError::Full((arena, batch, _)))
                    | Err(TrySendError::Disconnected((arena, batch, _))) => {
                        let (items, arena) = do_batch(work, arena, batch);
                        spares.extend(arena);
                        pending.push_back(Pending::Done(items));
                    }
                }
            }
            let items = match pending.pop_front() {
                None => break Ok(()),
                Some(Pending::Done(items)) => items,
                // A worker that panicked drops its batch's sender: the scope says so.
                Some(Pending::Sent(result)) => match result.recv() {
                    Ok(items) => items,
                    Err(_) => break Ok(()),
                },
            };
            if let Err(e) = items.into_iter().try_for_each(&mut each) {
                break Err(e);
            }
        };
        // The workers end once the queue is closed and empty.
        drop(to_do);
        result
    })
}

/// Reads the next batch of at most `records` items, their text into `arena`; `ended`
/// once the reading ends (its last item, an [`Item::Stopped`], in the batch).
fn read_batch<R: Read>(
    reader: &mut Reader<R>,
    arena: &mut Arena,
    records: usize,
    ended: &mut bool,
) -> Batch<Owned> {
    let mut batch = Vec::with_capacity(records.min(BATCH_RECORDS));
    while batch.len() < records && arena.text.len() < BATCH_BYTES {
        let Some(item) = reader.next_owned(arena) else {
            *ended = true;
            break;
        };
        let item = Item::from(item);
        let stopped = item.is_stopped();
        batch.push(item);
        if stopped {
            *ended = true;
            break;
        }
    }
    batch
}
