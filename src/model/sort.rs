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
    fn agrees_with_the_standard_sort() {
        // A linear congruential generator (Knuth's MMIX constants): the model's `Rng` lives in
        // `review`, which depends on this module, and imports go one way.
        let mut state = 42u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 33
        };
        for len in 0..200 {
            let mut v: Vec<u64> = (0..len).map(|_| next() % 50).collect();
            let mut expected = v.clone();
            expected.sort();
            sort(&mut v);
            assert_eq!(v, expected, "length {len}");
        }
    }
}
