//! One small sort for the whole model and app. The standard library's sorts are fast but
//! large, and each element type gets its own copy in the wasm; the lists sorted here are
//! short (lessons, questions, search hits), so a heapsort of a few dozen bytes is plenty.

/// Sorts `v` in place, smallest first (not stable: equal elements may trade places).
pub fn sort<T: Ord>(v: &mut [T]) {
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// The indices `0..len` ordered by `less`, ties in index order. One heapsort of indices,
/// with the comparison behind a reference, serves every element type: each type's own sort
/// would be another copy in the wasm.
pub fn order(len: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut v: Vec<usize> = (0..len).collect();
    let lt = |a: usize, b: usize| less(a, b) || (!less(b, a) && a < b);
    for root in (0..len / 2).rev() {
        sift_down_by(&mut v, root, len, &lt);
    }
    for end in (1..len).rev() {
        v.swap(0, end);
        sift_down_by(&mut v, 0, end, &lt);
    }
    v
}

fn sift_down_by(v: &mut [usize], mut root: usize, end: usize, lt: &dyn Fn(usize, usize) -> bool) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && lt(v[child], v[child + 1]) {
            child += 1;
        }
        if !lt(v[root], v[child]) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

/// The indices of `items` ordered by `key`, ties in the order given.
pub fn ranked_by<'a, T, K: Ord + ?Sized + 'a>(
    items: &'a [T],
    key: impl Fn(&'a T) -> &'a K,
) -> Vec<usize> {
    order(items.len(), &|a, b| key(&items[a]) < key(&items[b]))
}

/// Groups `items` by `key`: per distinct key, in the order keys first appear, the indices of
/// its items in order. A few keys (the usual case: a lesson's questions) are grouped in one
/// pass; past [`FEW`] it sorts once instead, so a forged record with many keys stays quick.
pub fn groups<'a, T, K: Ord + ?Sized + 'a>(
    items: &'a [T],
    key: impl Fn(&'a T) -> &'a K,
) -> Vec<Vec<usize>> {
    let mut out: Vec<(&K, Vec<usize>)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let k = key(item);
        if let Some(g) = out.iter_mut().find(|g| g.0 == k) {
            g.1.push(i);
        } else if out.len() < FEW {
            out.push((k, vec![i]));
        } else {
            return sorted_groups(items, key);
        }
    }
    out.into_iter().map(|g| g.1).collect()
}

/// How many groups [`groups`] finds by looking through them all.
const FEW: usize = 32;

fn sorted_groups<'a, T, K: Ord + ?Sized + 'a>(
    items: &'a [T],
    key: impl Fn(&'a T) -> &'a K,
) -> Vec<Vec<usize>> {
    let mut by_key: Vec<(&K, Vec<usize>)> = Vec::new();
    for i in ranked_by(items, &key) {
        let k = key(&items[i]);
        match by_key.last_mut() {
            Some(g) if g.0 == k => g.1.push(i),
            _ => by_key.push((k, vec![i])),
        }
    }
    // Each group's first index is its smallest: order the groups by it.
    let firsts: Vec<usize> = by_key.iter().map(|g| g.1[0]).collect();
    let mut slots: Vec<Option<Vec<usize>>> = by_key.into_iter().map(|g| Some(g.1)).collect();
    order(firsts.len(), &|a, b| firsts[a] < firsts[b])
        .into_iter()
        .filter_map(|k| slots[k].take())
        .collect()
}

/// Sorts `v` and drops repeats.
pub fn sort_unique<T: Ord>(v: &mut Vec<T>) {
    sort(v);
    v.dedup();
}

/// The indices of `keys` from the smallest key up (ties in order): every ranking in the model
/// goes through this one sort, because each sort with a comparator of its own adds its own
/// code to the wasm.
pub fn ranked(keys: impl Iterator<Item = u64>) -> Vec<usize> {
    let mut order: Vec<(u64, usize)> = keys.enumerate().map(|(i, k)| (k, i)).collect();
    sort(&mut order);
    order.into_iter().map(|(_, i)| i).collect()
}

fn sift_down<T: Ord>(v: &mut [T], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && v[child] < v[child + 1] {
            child += 1;
        }
        if v[root] >= v[child] {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_small_lists() {
        let mut empty: Vec<u32> = vec![];
        sort(&mut empty);
        assert_eq!(empty, Vec::<u32>::new());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, vec![7]);
        let mut words = vec!["delta", "alpha", "charlie", "alpha", "bravo"];
        sort(&mut words);
        assert_eq!(words, vec!["alpha", "alpha", "bravo", "charlie", "delta"]);
        sort_unique(&mut words);
        assert_eq!(words, vec!["alpha", "bravo", "charlie", "delta"]);
        let mut keyed = vec![(3u64, 0usize), (1, 1), (3, 2), (0, 3)];
        sort(&mut keyed);
        assert_eq!(keyed, vec![(0, 3), (1, 1), (3, 0), (3, 2)]);
    }

    #[test]
    fn ranks_by_key_with_ties_in_order() {
        assert_eq!(ranked([].into_iter()), Vec::<usize>::new());
        assert_eq!(ranked([30, 10, 20, 10, 0].into_iter()), vec![4, 1, 3, 2, 0]);
    }

    #[test]
    fn orders_indices_stably_by_any_comparison() {
        let words = ["delta", "alpha", "charlie", "alpha", "bravo"];
        assert_eq!(
            order(words.len(), &|a, b| words[a] < words[b]),
            vec![1, 3, 4, 2, 0]
        );
        assert_eq!(ranked_by(&words, |w| &w[1..2]), vec![0, 2, 1, 3, 4]);
        assert_eq!(order(0, &|_, _| false), Vec::<usize>::new());
        let mut next = numbers(7);
        for len in 0..120 {
            let v: Vec<u64> = (0..len).map(|_| next() % 9).collect();
            let mut expected: Vec<usize> = (0..len).collect();
            expected.sort_by_key(|&i| v[i]);
            assert_eq!(order(len, &|a, b| v[a] < v[b]), expected, "length {len}");
        }
    }

    #[test]
    fn groups_keep_the_order_keys_first_appear_in() {
        let few = ["b", "a", "b", "c", "a"];
        assert_eq!(groups(&few, |k| *k), vec![vec![0, 2], vec![1, 4], vec![3]]);
        // Past the few that are looked through one by one, the same answer by a sort.
        let many: Vec<String> = (0..100).map(|i| format!("k{}", (i * 7) % 40)).collect();
        let found = groups(&many, |k| k.as_str());
        assert_eq!(found.len(), 40);
        assert_eq!(found[0], vec![0, 40, 80]);
        assert_eq!(found[1], vec![1, 41, 81]);
        assert!(found
            .iter()
            .all(|g| g.iter().all(|&i| many[i] == many[g[0]])));
    }

    /// Numbers for the tests from a linear congruential generator (Knuth's MMIX constants):
    /// the model's `Rng` lives in `review`, which depends on this module, and imports go one way.
    fn numbers(seed: u64) -> impl FnMut() -> u64 {
        let mut state = seed;
        move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 33
        }
    }

    #[test]
    fn agrees_with_the_standard_sort() {
        let mut next = numbers(42);
        for len in 0..200 {
            let mut v: Vec<u64> = (0..len).map(|_| next() % 50).collect();
            let mut expected = v.clone();
            expected.sort();
            sort(&mut v);
            assert_eq!(v, expected, "length {len}");
        }
    }
}
