//! All browser storage: the progress record under one versioned key, read and written here only.
//!
//! Storage can be missing (blocked by the browser), full, or hold data this version
//! cannot read. None of these stops the app: it runs on memory and says so, and
//! unreadable data is copied to a backup key before anything overwrites it.

use std::cell::Cell;
use std::rc::Rc;

use crate::model::progress::{DecodeError, Progress, Time};

/// The key of the progress record. The schema version lives inside the record.
pub const PROGRESS_KEY: &str = "tpm-course.progress";
/// Unreadable progress is kept under this prefix and the time it was set aside
/// (`tpm-course.progress.backup.1764080000000`); older builds used the prefix alone, then `.2`, `.3`…
pub const BACKUP_KEY: &str = "tpm-course.progress.backup";
/// The progress a "Replace" import replaced, kept until the next replace.
pub const BEFORE_IMPORT_KEY: &str = "tpm-course.progress.before-import";
/// Slugs of the modules the learner closed in the outline, comma-separated.
pub const OUTLINE_KEY: &str = "tpm-course.outline-closed";
/// "off" when the learner turned single-key shortcuts off.
pub const SHORTCUTS_KEY: &str = "tpm-course.shortcuts";
/// The learner's theme: "light", "dark" or "system". Read before the app starts by `index.html`.
pub const THEME_KEY: &str = "tpm-course.theme";
/// The learner's text size: "standard", "small", "large" or "larger". Also read by `index.html`.
pub const TEXT_SIZE_KEY: &str = "tpm-course.text-size";
/// "on" when printed lessons should include the quiz answers.
pub const PRINT_ANSWERS_KEY: &str = "tpm-course.print-answers";
/// The learner's name as they typed it, for the printed course summary.
pub const NAME_KEY: &str = "tpm-course.name";
/// Set only by the browser test of the recovery screen: the app panics as it starts.
pub const TEST_PANIC_KEY: &str = "tpm-course.test-panic";
/// The practice exam in progress (questions, answers, flags, time left); gone once submitted.
pub const EXAM_KEY: &str = "tpm-course.exam";
/// The weekly goal, a preference of this browser (`model::plan`).
pub const GOAL_KEY: &str = "tpm-course.weekly-goal";
/// The parts of a device link that have arrived, until they are merged (`state::incoming`).
pub const INCOMING_KEY: &str = "tpm-course.incoming";
/// In sessionStorage (this tab only): the history state a link hands to the page it loads
/// ("Resume" opens the lesson at the saved place), as `path` TAB `state`; taken once.
pub const HANDED_STATE_KEY: &str = "tpm-course.handed-state";
/// In sessionStorage: the lesson page the whole app tried to load once, when it found itself at
/// a lesson's address (`components::not_found::LessonNotHere`); cleared by the lesson's page.
pub const OPENING_KEY: &str = "tpm-course.opening";

/// Where progress lives.
#[derive(Clone)]
pub struct Store {
    storage: Option<web_sys::Storage>,
    /// Set when the stored record must not be overwritten: unreadable data could not be backed
    /// up, or a newer version of the course wrote it.
    locked: Rc<Cell<bool>>,
}

/// Something the learner should know about their stored progress.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The browser does not let the site store anything.
    Unavailable,
    /// A save failed, most likely because storage is full.
    SaveFailed,
    /// Stored progress could not be read; it was kept as a backup.
    Recovered { reason: String },
    /// Stored progress held values that cannot be true: they were changed, and the record as
    /// it was is kept as a backup.
    Repaired { summary: String },
    /// A newer version of the course wrote the record: it is left alone and this tab runs on memory.
    NewerVersion,
    /// A backup holds progress this version can read, to merge back on the Progress page.
    BackupReadable,
}

/// Progress as loaded, with what the learner should be told.
pub struct Loaded {
    pub progress: Progress,
    pub notice: Option<Notice>,
}

/// A copy of progress set aside in storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub key: String,
    /// When it was set aside, if its key says.
    pub saved_at: Option<Time>,
    /// What it holds, as stored.
    pub raw: String,
    /// The record in it, when this version can read it.
    pub readable: Option<Progress>,
}

impl Store {
    /// Opens localStorage if the browser allows it, checking with a test write.
    /// Pages rendered at build time have no browser, so they get no storage.
    pub fn open() -> Store {
        Store {
            storage: crate::platform::local_storage(),
            locked: Rc::new(Cell::new(false)),
        }
    }

    pub fn is_available(&self) -> bool {
        self.storage.is_some()
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), Notice> {
        match &self.storage {
            None => Err(Notice::Unavailable),
            Some(s) => s.set_item(key, value).map_err(|_| Notice::SaveFailed),
        }
    }

    pub fn remove(&self, key: &str) {
        if let Some(s) = &self.storage {
            let _ = s.remove_item(key);
        }
    }

    /// Stops every save of the record, for the rest of this tab's life.
    pub fn lock(&self) {
        self.locked.set(true);
    }

    pub fn is_locked(&self) -> bool {
        self.locked.get()
    }

    /// Loads progress for `course`. Unreadable data is kept aside; a newer version's record is
    /// left where it is and the app runs on memory.
    pub fn load(&self, course: &str, now: Time) -> Loaded {
        let fresh = || Progress::new(course, "");
        if self.storage.is_none() {
            return Loaded {
                progress: fresh(),
                notice: Some(Notice::Unavailable),
            };
        }
        let (progress, notice) = match self.get(PROGRESS_KEY) {
            None => (fresh(), None),
            Some(raw) => match Progress::read(&raw, course) {
                Ok((progress, repairs)) if repairs.is_empty() => (progress, None),
                Ok((progress, repairs)) => {
                    // The record as it was stays readable for the learner to download.
                    let notice = if self.keep(&raw, now) {
                        Notice::Repaired {
                            summary: repairs.summary(),
                        }
                    } else {
                        self.lock();
                        Notice::SaveFailed
                    };
                    (progress, Some(notice))
                }
                Err(DecodeError::FutureVersion(_)) => {
                    self.lock();
                    (fresh(), Some(Notice::NewerVersion))
                }
                Err(error) => (fresh(), Some(self.recover(&raw, &error, now))),
            },
        };
        // Progress an older copy of the course set aside can be taken back.
        let notice = notice.or_else(|| {
            self.backups(course)
                .iter()
                .any(|b| {
                    b.key != BEFORE_IMPORT_KEY
                        && b.readable
                            .as_ref()
                            .is_some_and(|r| progress.would_change(r))
                })
                .then_some(Notice::BackupReadable)
        });
        Loaded { progress, notice }
    }

    /// Copies unreadable progress to a backup key (once: the same text is never copied twice).
    /// If the copy fails, the original stays where it is and nothing will overwrite it.
    pub fn recover(&self, raw: &str, error: &DecodeError, now: Time) -> Notice {
        if self.keep(raw, now) {
            Notice::Recovered {
                reason: error.to_string(),
            }
        } else {
            self.lock();
            Notice::SaveFailed
        }
    }

    /// Copies `raw` to a new backup key unless a backup already holds it; returns whether it
    /// is kept (false when storage is full).
    fn keep(&self, raw: &str, now: Time) -> bool {
        let kept = self
            .backup_keys()
            .iter()
            .any(|k| self.get(k).as_deref() == Some(raw));
        let free = (now..now.saturating_add(1_000))
            .map(|t| format!("{BACKUP_KEY}.{t}"))
            .find(|k| self.get(k).is_none());
        kept || free.is_some_and(|k| self.set(&k, raw).is_ok())
    }

    /// Every key that holds a backup of progress, in the order of their names (which is
    /// oldest first among dated backups).
    fn backup_keys(&self) -> Vec<String> {
        let Some(s) = &self.storage else {
            return Vec::new();
        };
        let mut keys: Vec<String> = (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(BACKUP_KEY) || k == BEFORE_IMPORT_KEY)
            .collect();
        crate::model::sort::sort(&mut keys);
        keys
    }

    /// Every backup, with what it holds.
    pub fn backups(&self, course: &str) -> Vec<Backup> {
        self.backup_keys()
            .into_iter()
            .filter_map(|key| {
                let raw = self.get(&key)?;
                Some(Backup {
                    saved_at: backup_time(&key),
                    readable: Progress::decode(&raw, course).ok(),
                    raw,
                    key,
                })
            })
            .collect()
    }

    /// Saves progress already encoded with [`Progress::encode`].
    /// On failure the app keeps running on the copy in memory.
    pub fn save_encoded(&self, encoded: &str) -> Result<(), Notice> {
        if self.locked.get() {
            return Err(Notice::SaveFailed);
        }
        self.set(PROGRESS_KEY, encoded)
    }
}

/// When a backup was set aside, from its key (`….backup.<ms>`); `None` for older keys.
pub fn backup_time(key: &str) -> Option<Time> {
    let time: Time = key
        .strip_prefix(BACKUP_KEY)?
        .strip_prefix('.')?
        .parse()
        .ok()?;
    (time > 1_000_000_000_000).then_some(time)
}

/// Whether the browser keeps this site's storage: `None` until known or when it cannot say.
pub async fn persisted() -> Option<bool> {
    storage_answer(web_sys::StorageManager::persisted).await
}

/// Asks the browser to keep this site's storage; returns whether it agreed.
pub async fn request_persistence() -> Option<bool> {
    storage_answer(web_sys::StorageManager::persist).await
}

/// Calls one of the storage manager's yes-or-no methods and waits for its answer.
async fn storage_answer(
    call: fn(&web_sys::StorageManager) -> Result<web_sys::js_sys::Promise, wasm_bindgen::JsValue>,
) -> Option<bool> {
    let promise = call(&web_sys::window()?.navigator().storage()).ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

impl Notice {
    /// The sentence shown to the learner.
    pub fn message(&self) -> String {
        match self {
            Notice::Unavailable => "This browser is not letting the course save anything, so your progress lasts only until you close this tab. You can still export it from the Progress page.".into(),
            Notice::SaveFailed => "Your progress could not be saved: the browser's storage is full or refused it. It is kept in memory while this tab is open: download it now to keep it.".into(),
            Notice::Repaired { summary } => format!(
                "Your saved progress held values that cannot be true. {summary} The record as it was is kept as a backup on the Progress page."
            ),
            Notice::Recovered { reason } => format!(
                "Your saved progress could not be read ({reason}), so the course started afresh. The old data is kept as a backup: you can download it from the Progress page."
            ),
            Notice::NewerVersion => "A newer version of this course is open in another tab, or was used here. Reload this page to use it. Until then, what you do here is kept only in this tab, so the newer progress is not overwritten.".into(),
            Notice::BackupReadable => "Progress set aside by another copy of this course can be merged back into yours on the Progress page.".into(),
        }
    }

    /// Whether the learner should download their progress now, because it is not saved.
    pub fn offers_download(&self) -> bool {
        matches!(self, Notice::SaveFailed | Notice::Unavailable)
    }

    /// Whether the Progress page is where the learner can act on this.
    pub fn points_to_progress_page(&self) -> bool {
        matches!(
            self,
            Notice::Recovered { .. }
                | Notice::Repaired { .. }
                | Notice::BackupReadable
                | Notice::SaveFailed
                | Notice::Unavailable
        )
    }
}
