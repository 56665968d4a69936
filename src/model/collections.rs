//! Sorted-list collections: a set and a map from text keys. The standard `BTreeSet` and
//! `BTreeMap` are fast on large data, but every element type they hold adds its own copy of
//! their code to the wasm; the model's sets and maps hold at most a few hundred entries, where
//! a sorted `Vec` with binary search is as quick and a fraction of the size.
//!
//! A record is untrusted input and may hold hundreds of thousands of facts, so nothing here
//! is quadratic: adding in order appends, a union is one pass over both lists, and a list
//! read from a file is sorted once ([`Set::from_vec`], [`Map::from_vec`]).

/// A set kept as a sorted list without duplicates: what the log needs of a set, with less
/// code in the wasm than a `BTreeSet` of each element type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Set<T>(Vec<T>);

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set(Vec::new())
    }
}

impl<T: Ord + Clone> Set<T> {
    /// The set of `items`, in any order, repeats dropped: one sort, not one insert each.
    pub fn from_vec(items: Vec<T>) -> Set<T> {
        if items.windows(2).all(|w| w[0] < w[1]) {
            return Set(items);
        }
        let order = crate::model::sort::order(items.len(), &|a, b| items[a] < items[b]);
        let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
        let mut out: Vec<T> = Vec::with_capacity(slots.len());
        for i in order {
            if let Some(item) = slots[i].take() {
                if out.last() != Some(&item) {
                    out.push(item);
                }
            }
        }
        Set(out)
    }

    /// Adds `item`; returns whether it was new. Adding in order (the usual case: facts get
    /// later) appends without a search.
    pub fn insert(&mut self, item: T) -> bool {
        if self.0.last().is_none_or(|last| *last < item) {
            self.0.push(item);
            return true;
        }
        match self.0.binary_search(&item) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, item);
                true
            }
        }
    }

    pub fn remove(&mut self, item: &T) {
        if let Ok(at) = self.0.binary_search(item) {
            self.0.remove(at);
        }
    }

    /// Adds every item of `other` (cloning only the new ones); returns whether any was new.
    /// New items are appended and the list sorted once ([`Set::from_vec`]), whatever their
    /// number: no insert in the middle, one at a time.
    pub fn union(&mut self, other: &Set<T>) -> bool {
        let new: Vec<&T> = other
            .0
            .iter()
            .filter(|item| self.0.binary_search(item).is_err())
            .collect();
        if new.is_empty() {
            return false;
        }
        let mut all = std::mem::take(&mut self.0);
        all.extend(new.into_iter().cloned());
        *self = Set::from_vec(all);
        true
    }
}

/// A map from text keys, kept as a list sorted by key: what the log needs of a map, with
/// less code in the wasm than a `BTreeMap` of each value type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Map<V>(Vec<(String, V)>);

impl<V> Default for Map<V> {
    fn default() -> Self {
        Map(Vec::new())
    }
}

impl<V> Map<V> {
    pub const fn new() -> Map<V> {
        Map(Vec::new())
    }

    /// The map of `entries`, in any order; values under one key are folded by `join`, in
    /// the order given. One sort of the keys, not one insert each.
    pub fn from_vec(entries: Vec<(String, V)>, mut join: impl FnMut(&mut V, V)) -> Map<V> {
        if entries.windows(2).all(|w| w[0].0 < w[1].0) {
            return Map(entries);
        }
        // Sorted by (key, position), so values under one key keep their order.
        let order = crate::model::sort::ranked_by(&entries, |(k, _)| k.as_str());
        let mut slots: Vec<Option<(String, V)>> = entries.into_iter().map(Some).collect();
        let mut out: Vec<(String, V)> = Vec::with_capacity(slots.len());
        for i in order {
            let Some((key, value)) = slots[i].take() else {
                continue;
            };
            match out.last_mut() {
                Some(last) if last.0 == key => join(&mut last.1, value),
                _ => out.push((key, value)),
            }
        }
        Map(out)
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.find(key).ok().map(|i| &mut self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    pub fn insert(&mut self, key: String, value: V) {
        if self.0.last().is_none_or(|(last, _)| *last < key) {
            self.0.push((key, value));
            return;
        }
        match self.find(&key) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// The value under `key`, added as the default if missing.
    pub fn entry_or_default(&mut self, key: &str) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key.to_string(), V::default()));
                i
            }
        };
        &mut self.0[i].1
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&str, &V) -> bool) {
        self.0.retain(|(k, v)| keep(k, v));
    }

    pub fn iter(&self) -> std::slice::Iter<'_, (String, V)> {
        self.0.iter()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.0.iter_mut().map(|(_, v)| v)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl<V> std::ops::Index<&str> for Map<V> {
    type Output = V;
    fn index(&self, key: &str) -> &V {
        self.get(key).expect("the key is in the map")
    }
}

impl<'a, V> IntoIterator for &'a Map<V> {
    type Item = &'a (String, V);
    type IntoIter = std::slice::Iter<'a, (String, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T> std::ops::Deref for Set<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}
