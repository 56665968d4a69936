//! All browser storage: the progress record under one versioned key, read and written here only.
//!
//! Storage can be missing (blocked by the browser), full, or hold data this version
//! cannot read. None of these stops the app: it runs on memory and says so, and
//! unreadable data is copied to a backup key before anything overwrites it.

use std::cell::Cell;
use std::rc::Rc;

use crate::model::progress::{DecodeError, Progress};

/// The key of the progress record. The schema version lives inside the record.
pub const PROGRESS_KEY: &str = "tpm-course.progress";
/// Where unreadable progress is kept; a second one gets `.2`, and so on.
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

/// Where progress lives.
#[derive(Clone)]
pub struct Store {
    storage: Option<web_sys::Storage>,
    /// Set when unreadable data could not be backed up: it must not be overwritten.
    locked: Rc<Cell<bool>>,
}

/// Something the learner should know about their stored progress.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The browser does not let the site store anything.
    Unavailable,
    /// A save failed, most likely because storage is full.
    SaveFailed,
    /// Stored progress could not be read; it was kept under `backup_key`.
    Recovered { reason: String, backup_key: String },
}

/// Progress as loaded, with what the learner should be told.
pub struct Loaded {
    pub progress: Progress,
    pub notice: Option<Notice>,
}

impl Store {
    /// Opens localStorage if the browser allows it, checking with a test write.
    /// Pages rendered at build time have no browser, so they get no storage.
    pub fn open() -> Store {
        #[cfg(target_arch = "wasm32")]
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .filter(|s| {
                let probe = "tpm-course.probe";
                s.set_item(probe, "1").is_ok() && s.remove_item(probe).is_ok()
            });
        #[cfg(not(target_arch = "wasm32"))]
        let storage = None;
        Store {
            storage,
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

    /// Loads progress for `course`, keeping unreadable data aside.
    pub fn load(&self, course: &str) -> Loaded {
        if self.storage.is_none() {
            return Loaded {
                progress: Progress::new(course),
                notice: Some(Notice::Unavailable),
            };
        }
        let Some(raw) = self.get(PROGRESS_KEY) else {
            return Loaded {
                progress: Progress::new(course),
                notice: None,
            };
        };
        match Progress::decode(&raw, course) {
            Ok(progress) => Loaded {
                progress,
                notice: None,
            },
            Err(error) => self.recover(course, &raw, &error),
        }
    }

    /// Copies unreadable progress to a free backup key and starts afresh.
    fn recover(&self, course: &str, raw: &str, error: &DecodeError) -> Loaded {
        let backup_key = (1..)
            .map(|n| match n {
                1 => BACKUP_KEY.to_string(),
                n => format!("{BACKUP_KEY}.{n}"),
            })
            .find(|k| self.get(k).is_none_or(|held| held == raw))
            .expect("some backup key is free");
        let notice = match self.set(&backup_key, raw) {
            Ok(()) => {
                // Only once the copy is safe may the record be replaced.
                let fresh = Progress::new(course);
                let _ = self.set(PROGRESS_KEY, &fresh.encode());
                Notice::Recovered {
                    reason: error.to_string(),
                    backup_key,
                }
            }
            // The copy failed: leave the original where it is and run on memory.
            Err(_) => {
                self.locked.set(true);
                Notice::SaveFailed
            }
        };
        Loaded {
            progress: Progress::new(course),
            notice: Some(notice),
        }
    }

    /// Saves progress. On failure the app keeps running on the copy in memory.
    pub fn save(&self, progress: &Progress) -> Result<(), Notice> {
        self.save_encoded(&progress.encode())
    }

    /// Saves progress already encoded with [`Progress::encode`].
    pub fn save_encoded(&self, encoded: &str) -> Result<(), Notice> {
        if self.locked.get() {
            return Err(Notice::SaveFailed);
        }
        self.set(PROGRESS_KEY, encoded)
    }
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
            Notice::SaveFailed => "Your progress could not be saved: the browser's storage may be full. It is kept in memory while this tab is open; export it from the Progress page to be safe.".into(),
            Notice::Recovered { reason, backup_key } => format!(
                "Your saved progress could not be read ({reason}), so the course started afresh. The old data is kept in this browser's storage under \"{backup_key}\"."
            ),
        }
    }
}
