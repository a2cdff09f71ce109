//! Sorting the lists the apps sort (a debrief's moments, the six competencies, the library's
//! cards, a check's figures, a balance run's totals). The standard library's sorts are fast on
//! long inputs but add 3-5 KB of wasm for every element type they sort (and so does collecting
//! into a `BTreeMap` or `BTreeSet`, which sorts); these lists hold tens to a few thousand items,
//! where a stable insertion sort is quick enough and costs a few hundred bytes.

/// Sorts `items` by `key`, keeping the order of equal items (stable), in place.
pub fn sort_small_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `items` in place, keeping the order of equal items.
pub fn sort_small<T: Ord>(items: &mut [T]) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && items[j - 1] > items[j] {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(items in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            let mut std = items;
            sort_small_by_key(&mut ours, |(k, _)| *k);
            std.sort_by_key(|(k, _)| *k);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sorts_like_the_standard_sort(items in proptest::collection::vec(any::<u8>(), 0..60)) {
            let mut ours = items.clone();
            let mut std = items;
            sort_small(&mut ours);
            std.sort();
            prop_assert_eq!(ours, std);
        }
    }
}
