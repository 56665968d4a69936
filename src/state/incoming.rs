//! The device link's holding area: the parts of a link that have arrived, kept under their own
//! key (`tpm-course.incoming`), apart from the record, until every part is there and the
//! learner confirms the merge. The rules are `model::handoff`'s.

use leptos::prelude::*;

use crate::model::handoff::{parse, Added, Holding, LinkError};
use crate::storage::{Store, INCOMING_KEY};

/// The holding area of this page.
#[derive(Clone, Copy)]
pub struct Incoming {
    pub holding: RwSignal<Holding>,
    /// Kept, so a part can be taken from an event listener, outside any component.
    store: StoredValue<Store, LocalStorage>,
}

impl Incoming {
    /// The holding area as storage has it.
    pub fn open() -> Incoming {
        let store = super::shared_store();
        let text = store
            .with_value(|s| s.get(INCOMING_KEY))
            .unwrap_or_default();
        Incoming {
            holding: RwSignal::new(Holding::decode(&text)),
            store,
        }
    }

    /// Takes a part from a link (or its fragment), and keeps the holding area.
    pub fn take(self, link: &str) -> Result<Added, LinkError> {
        let part = parse(link)?;
        let mut added = Added::Part;
        self.holding.update(|h| added = h.add(part));
        let text = self.holding.with_untracked(Holding::encode);
        // A holding area that cannot be kept still works in this page.
        let _ = self.store.with_value(|s| s.set(INCOMING_KEY, &text));
        Ok(added)
    }

    /// Empties the holding area (merged, or set aside by the learner).
    pub fn clear(self) {
        self.holding.set(Holding::default());
        self.store.with_value(|s| s.remove(INCOMING_KEY));
    }
}
