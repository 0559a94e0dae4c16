//! The one app-state holder, provided in context, and the one place that persists it.
//!
//! Every change goes through [`AppState::act`]: applied to the in-memory book at once
//! (so the page answers in the same frame), with its edits stamped field by field, and
//! written to storage just after the frame, or at once when the page is hidden. Before
//! writing, the stored revision is compared with ours: when another tab wrote in
//! between, its book and ours are merged (`merge::merge`, the same merge a teammate's
//! backup goes through), so neither tab's change is lost, whatever it was: an edit, a
//! restore, an import. Revisions are random, so two tabs never write the same one.
//! When another tab wrote data this version cannot read (a newer Pipewise), this tab
//! stops writing and asks for a reload: nothing of the other tab's is moved or
//! overwritten. A failed write keeps everything in memory, says so, and is retried on
//! the next change.
//!
//! The stored document is large (1.3 million UTF-16 units for 10,000 deals), so it stays
//! a JavaScript string unless it must be decoded: the revision check reads only its
//! header, and a save hands the browser UTF-16 units, not UTF-8 to convert.

use crate::browser;
use crate::lazy::{load_then, SplitLoaderError};
use crate::storage::{LocalStore, StoreFault};
use leptos::prelude::*;
use pipewise_core::book::BookError;
use pipewise_core::store::{self, DecodeError};
use pipewise_core::{Book, Day, IdSource, Stamp};
use std::cell::Cell;

// The merge, as a chunk of its own: it is needed only once another tab writes, so it
// stays off the first load; it is fetched when the page is first idle (or at once, when
// another tab wrote before that).
crate::lazy::split_point!(
    merging,
    fn merge_chunk() -> Result<Merge, SplitLoaderError> {
        Ok(pipewise_core::merge::merge)
    }
);

type Merge = fn(&Book, &Book) -> Book;

thread_local!(static MERGE: Cell<Option<Merge>> = const { Cell::new(None) });

/// The merge when its chunk is here.
pub fn loaded_merge() -> Option<Merge> {
    MERGE.with(Cell::get)
}

/// The moment an action happens: its business date and its edit stamp.
pub use pipewise_core::book::Now;

/// What the banner tells the user about their data's safety.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Stored data could not be read; it was kept under `key` untouched.
    Rescued { reason: String, key: Option<String> },
    /// The last save failed; changes are only in memory.
    Unsaved { reason: String },
    /// Another tab (or an earlier visit) saved data a newer Pipewise wrote: this tab
    /// does not save until reloaded.
    Newer { reason: String },
}

/// How full the browser's storage is, in UTF-16 characters.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Usage {
    pub used: usize,
}

impl Usage {
    /// About what Chrome and Firefox allow one origin (5 MiB of UTF-16 text).
    pub const QUOTA: usize = 5_200_000;

    pub fn share(self) -> f64 {
        self.used as f64 / Usage::QUOTA as f64
    }
}

struct Sync {
    /// The revision of the stored document we last read or wrote.
    revision: u64,
    /// Changes in memory not yet written.
    dirty: bool,
    save_scheduled: bool,
    /// False while unreadable data sits in the main key and could not be moved aside,
    /// or while a newer version's data is stored.
    writable: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub book: RwSignal<Book>,
    pub notice: RwSignal<Option<Notice>>,
    pub usage: RwSignal<Usage>,
    sync: StoredValue<Sync, LocalStorage>,
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Today and a fresh edit stamp, for an action happening now.
pub fn now() -> Now {
    Now {
        today: browser::today(),
        stamp: browser::stamp(),
    }
}

impl AppState {
    /// Reads the stored book; unreadable data is kept aside, never overwritten.
    pub fn load() -> AppState {
        let store = LocalStore;
        let mut notice = None;
        let mut book = Book::default();
        let mut revision = 0;
        let mut writable = true;
        let mut used = 0;
        match store.read_stored() {
            Ok(None) => {}
            Ok(Some(stored)) => {
                let text = stored.text;
                used = stored.units;
                browser::mark("pipewise:decode:start");
                let decoded = store::decode(&text);
                browser::mark("pipewise:decode:end");
                match decoded {
                    Ok(decoded) => {
                        book = decoded.book;
                        revision = decoded.revision;
                    }
                    Err(problem @ DecodeError::NewerVersion { .. }) => {
                        // Left where it is: the newer version reads it after a reload.
                        writable = false;
                        notice = Some(Notice::Newer {
                            reason: newer_reason(&problem),
                        });
                    }
                    Err(problem) => {
                        let reason = explain(&problem);
                        match store.keep_aside(&text, browser::stamp()) {
                            Ok(key) => {
                                notice = Some(Notice::Rescued {
                                    reason,
                                    key: Some(key),
                                });
                                // Start the next revision above whatever was there.
                                revision = store::peek_revision(&text).unwrap_or(0);
                            }
                            Err(_) => {
                                writable = false;
                                notice = Some(Notice::Rescued { reason, key: None });
                            }
                        }
                    }
                }
            }
            Err(fault) => {
                notice = Some(Notice::Unsaved {
                    reason: fault.to_string(),
                })
            }
        }
        let state = AppState {
            book: RwSignal::new(book),
            notice: RwSignal::new(notice),
            usage: RwSignal::new(Usage { used }),
            sync: StoredValue::new_local(Sync {
                revision,
                dirty: false,
                save_scheduled: false,
                writable,
            }),
        };
        state.listen_to_other_tabs();
        state.warm_up_saving();
        request_idle_callback(move || state.load_merge());
        state
    }

    /// Fetches the merge's chunk (once), then folds in any other tab's write that waited
    /// for it and saves what is pending.
    fn load_merge(&self) {
        if loaded_merge().is_some() {
            return;
        }
        let state = *self;
        load_then(merge_chunk, move |merge| {
            if let Ok(merge) = merge {
                MERGE.with(|m| m.set(Some(merge)));
                let _ = state.catch_up();
                state.flush();
            }
        });
    }

    /// V8 runs wasm in a baseline tier until a function has run a while, and uses its
    /// optimised code only from the next call on, so the first save of a large book ran
    /// about twice as slow as later ones. Once the page is idle, a practice encode of a
    /// slice of the book (a few hundred records, a few milliseconds, thrown away) gets the
    /// codec optimised before the first real save.
    fn warm_up_saving(&self) {
        let book = self.book;
        request_idle_callback(move || {
            let sample = book.with_untracked(|b| Book {
                process: b.process.clone(),
                contacts: b.contacts.iter().take(300).cloned().collect(),
                deals: b.deals.iter().take(300).cloned().collect(),
                tasks: b.tasks.iter().take(900).cloned().collect(),
                settings: b.settings.clone(),
                gone: Default::default(),
            });
            std::hint::black_box(store::encode_units(&sample, 0));
        });
    }

    /// Applies a change now and saves it just after the frame. An `Err` leaves the book
    /// untouched.
    pub fn act(
        &self,
        change: impl FnOnce(&mut Book) -> Result<(), BookError>,
    ) -> Result<(), BookError> {
        // No read of storage here: another tab's write arrives by the `storage` event,
        // and `flush` checks the revision again before writing.
        let mut change = Some(change);
        let result = self
            .book
            .try_maybe_update(|book| {
                let result = change.take().map_or(Ok(()), |c| c(book));
                (result.is_ok(), result)
            })
            .unwrap_or(Ok(()));
        if result.is_ok() {
            self.sync.update_value(|s| s.dirty = true);
            self.schedule_save();
            crate::team::local_change();
        }
        result
    }

    /// Takes in what team sync pulled (already merged with this book by the core's one
    /// merge): no edit of ours, so nothing is stamped; saved like any change.
    pub fn take_in(&self, merged: Book) {
        let changed = self.book.with_untracked(|book| *book != merged);
        if changed {
            self.book.set(merged);
            self.sync.update_value(|s| s.dirty = true);
            self.schedule_save();
        }
    }

    /// Makes the book show exactly `wanted` (restore, demo data, clearing), as edits
    /// stamped now on the book as it is: a tab that changed something else meanwhile
    /// keeps its change.
    pub fn adopt(&self, wanted: &Book) {
        let stamp = browser::stamp();
        let _ = self.act(|book| {
            *book = pipewise_core::merge::adopt(book, wanted, stamp);
            Ok(())
        });
    }

    /// Merges a book into ours (a teammate's backup, a rescued copy), keeping our
    /// settings. The result is checked before it replaces ours (the merge keeps every
    /// rule; this holds it to that).
    pub fn merge_in(&self, theirs: &Book) -> Result<(), BookError> {
        let anywhere = now().anywhere();
        self.act(|book| {
            let merged = pipewise_core::io::apply_merge(book, theirs);
            merged.check(anywhere)?;
            *book = merged;
            Ok(())
        })
    }

    /// Writes pending changes now (also called when the page is hidden or unloads).
    pub fn flush(&self) {
        self.sync.update_value(|s| s.save_scheduled = false);
        if self.sync.with_value(|s| !s.dirty || !s.writable) {
            return;
        }
        let store = LocalStore;
        browser::mark("pipewise:save:start");
        // Another tab wrote since we last read: merge its book with ours (not yet, when
        // the merge's chunk is still on its way: it saves when it arrives).
        if !self.catch_up() || !self.sync.with_value(|s| s.writable) {
            return;
        }
        let revision = fresh_revision(self.sync.with_value(|s| s.revision));
        browser::mark("pipewise:save:checked");
        let units = self
            .book
            .with_untracked(|book| store::encode_units(book, revision));
        browser::mark("pipewise:save:encoded");
        match store.write_units(&units) {
            Ok(()) => {
                self.sync.update_value(|s| {
                    s.revision = revision;
                    s.dirty = false;
                });
                self.usage.set(Usage { used: units.len() });
                if matches!(self.notice.get_untracked(), Some(Notice::Unsaved { .. })) {
                    self.notice.set(None);
                }
            }
            Err(fault) => self.notice.set(Some(Notice::Unsaved {
                reason: fault.to_string(),
            })),
        }
        browser::mark("pipewise:save:end");
    }

    /// Reads the stored revision (the header only) and merges in another tab's write we
    /// have not seen. False while such a write waits for the merge's chunk.
    fn catch_up(&self) -> bool {
        if !self.sync.with_value(|s| s.writable) {
            return true;
        }
        let ours = self.sync.with_value(|s| s.revision);
        let Ok(Some(head)) = LocalStore.read_head() else {
            return true;
        };
        if store::peek_revision(&head).is_none_or(|theirs| theirs != ours) {
            let Some(merge) = loaded_merge() else {
                self.load_merge();
                return false;
            };
            if let Ok(Some(stored)) = LocalStore.read_stored() {
                self.merge_stored(&stored, merge);
            }
        }
        true
    }

    /// Merges another tab's stored book with ours. Data this version cannot read is
    /// never written over: a newer version's stops our saving; damaged data is moved
    /// aside first.
    fn merge_stored(&self, stored: &crate::storage::Stored, merge: Merge) {
        let decoded = match store::decode(&stored.text) {
            Ok(decoded) => decoded,
            Err(problem @ DecodeError::NewerVersion { .. }) => {
                self.sync.update_value(|s| s.writable = false);
                self.notice.set(Some(Notice::Newer {
                    reason: newer_reason(&problem),
                }));
                return;
            }
            Err(problem) => {
                let reason = explain(&problem);
                let revision = store::peek_revision(&stored.text).unwrap_or(0);
                match LocalStore.keep_aside(&stored.text, browser::stamp()) {
                    Ok(key) => {
                        self.notice.set(Some(Notice::Rescued {
                            reason,
                            key: Some(key),
                        }));
                        self.sync.update_value(|s| {
                            s.revision = revision;
                            s.dirty = true;
                        });
                    }
                    Err(_) => {
                        self.sync.update_value(|s| s.writable = false);
                        self.notice.set(Some(Notice::Rescued { reason, key: None }));
                    }
                }
                return;
            }
        };
        let dirty = self.sync.with_value(|s| s.dirty);
        // Merged even with nothing unsaved here: two tabs' writes can cross, and the
        // other tab's book may then lack our last write.
        let merged = self.book.with_untracked(|ours| merge(&decoded.book, ours));
        self.sync.update_value(|s| {
            s.revision = decoded.revision;
            // Ours held something theirs did not: it still needs writing.
            s.dirty = dirty || merged != decoded.book;
        });
        self.usage.set(Usage { used: stored.units });
        let changed = self.book.with_untracked(|ours| *ours != merged);
        if changed {
            self.book.set(merged);
        }
        if self.sync.with_value(|s| s.dirty) {
            self.schedule_save();
        }
    }

    fn schedule_save(&self) {
        if self.sync.with_value(|s| s.save_scheduled) {
            return;
        }
        self.sync.update_value(|s| s.save_scheduled = true);
        let state = *self;
        // After the browser paints the change: a rAF callback runs before paint, and a
        // zero timeout queued from it runs after. A hidden tab gets no frames, so a
        // timeout saves there too (whichever comes first; the other finds nothing).
        request_animation_frame(move || {
            set_timeout(move || state.flush(), std::time::Duration::ZERO)
        });
        set_timeout(move || state.flush(), std::time::Duration::from_millis(250));
    }

    fn listen_to_other_tabs(&self) {
        let state = *self;
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().as_deref() == Some(crate::storage::KEY) {
                let _ = state.catch_up();
            }
        });
        let flush_handle = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
        let hidden_handle = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                state.flush();
            }
        });
        // The app lives as long as the page: keep the listeners.
        std::mem::forget(handle);
        std::mem::forget(flush_handle);
        std::mem::forget(hidden_handle);
    }

    /// After the user downloaded unreadable data that could not be moved aside, frees
    /// the main key so this tab's data can be saved again.
    pub fn discard_unreadable(&self) {
        if LocalStore.remove().is_ok() {
            self.sync.update_value(|s| s.writable = true);
            self.notice.set(None);
            self.sync.update_value(|s| s.dirty = true);
            self.flush();
        }
    }

    /// The data can be written (false while unreadable data blocks the main key).
    pub fn writable(&self) -> bool {
        self.sync.with_value(|s| s.writable)
    }

    /// Today's date (read when called; pages call it in handlers and views).
    pub fn today(&self) -> Day {
        browser::today()
    }

    pub fn stamp(&self) -> Stamp {
        browser::stamp()
    }
}

fn explain(problem: &DecodeError) -> String {
    problem.to_string()
}

fn newer_reason(problem: &DecodeError) -> String {
    let found = match problem {
        DecodeError::NewerVersion { found } => format!(" (schema {found})"),
        _ => String::new(),
    };
    format!(
        "Another tab, or an earlier visit, saved your data with a newer version of Pipewise{found}. \
         This tab cannot read it, so it saves nothing until you reload the page to get the newer \
         version; nothing has been moved or overwritten."
    )
}

/// A new random revision for a write, never the one before: two tabs never write the
/// same revision, so a tab always sees that another one wrote.
fn fresh_revision(previous: u64) -> u64 {
    loop {
        let revision = (crate::browser::BrowserIds.fresh().0 >> 75) as u64;
        if revision != previous && revision != 0 {
            return revision;
        }
    }
}

impl std::fmt::Display for StoreFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreFault::Unavailable => f.write_str(
                "This browser does not let Pipewise use its storage (private mode or storage turned off). \
                 Your changes are kept only until you close the tab: download a backup from the Data page.",
            ),
            StoreFault::Full => f.write_str(
                "The browser's storage for Pipewise is full, so your latest changes are not saved yet. \
                 They are safe while this tab stays open: download a backup from the Data page, then \
                 free space (for example delete rescued copies there). Pipewise retries on your next change.",
            ),
            StoreFault::Other(message) => write!(f, "Saving failed ({message}). Your changes are kept in this tab; download a backup from the Data page."),
        }
    }
}
