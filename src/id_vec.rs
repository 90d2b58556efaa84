//! Vectors indexed by a typed id: a per-entity list takes an `EntityIdx`, a per-briefing
//! list a `BriefingIdx`, and indexing one with the other (or with a bare number) does not
//! compile. No `.0 as usize` at the call sites.

use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

/// A position in an [`IdVec`], as a newtype (`EntityIdx`, `BriefingIdx`).
pub trait Id: Copy {
    /// The id of position `i`.
    fn from_index(i: usize) -> Self;
    /// The position of this id.
    fn index(self) -> usize;
}

/// A vector whose positions are ids of type `I`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IdVec<I, T> {
    items: Vec<T>,
    _id: PhantomData<fn(I) -> I>,
}

impl<I, T> Default for IdVec<I, T> {
    fn default() -> Self {
        IdVec {
            items: Vec::new(),
            _id: PhantomData,
        }
    }
}

impl<I: Id, T> IdVec<I, T> {
    /// The items of `items`, the first at id 0.
    pub fn from_vec(items: Vec<T>) -> Self {
        IdVec {
            items,
            _id: PhantomData,
        }
    }

    /// `n` copies of `value`.
    pub fn filled(value: T, n: usize) -> Self
    where
        T: Clone,
    {
        IdVec::from_vec(vec![value; n])
    }

    /// The item at `id`, if there is one.
    pub fn get(&self, id: I) -> Option<&T> {
        self.items.get(id.index())
    }

    /// The item at `id`, to change, if there is one.
    pub fn get_mut(&mut self, id: I) -> Option<&mut T> {
        self.items.get_mut(id.index())
    }

    /// How many items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every item, in id order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// Every item, to change, in id order.
    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.items.iter_mut()
    }

    /// Every item with its id, in id order.
    pub fn iter_ids(&self) -> impl DoubleEndedIterator<Item = (I, &T)> + ExactSizeIterator {
        self.items
            .iter()
            .enumerate()
            .map(|(i, t)| (I::from_index(i), t))
    }

    /// Every id, in order.
    pub fn ids(&self) -> impl DoubleEndedIterator<Item = I> + ExactSizeIterator + use<I, T> {
        (0..self.items.len()).map(I::from_index)
    }

    /// The first item.
    pub fn first(&self) -> Option<&T> {
        self.items.first()
    }

    /// The last item.
    pub fn last(&self) -> Option<&T> {
        self.items.last()
    }

    /// The items as a slice (for parallel iteration).
    pub fn as_slice(&self) -> &[T] {
        &self.items
    }

    /// The items in id order, to change in place (in parallel, say).
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        &mut self.items
    }
}

impl<I: Id, T> Index<I> for IdVec<I, T> {
    type Output = T;
    fn index(&self, id: I) -> &T {
        &self.items[id.index()]
    }
}

impl<I: Id, T> IndexMut<I> for IdVec<I, T> {
    fn index_mut(&mut self, id: I) -> &mut T {
        &mut self.items[id.index()]
    }
}

impl<I: Id, T> FromIterator<T> for IdVec<I, T> {
    fn from_iter<It: IntoIterator<Item = T>>(iter: It) -> Self {
        IdVec::from_vec(iter.into_iter().collect())
    }
}

impl<I, T> IntoIterator for IdVec<I, T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, I, T> IntoIterator for &'a IdVec<I, T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<'a, I: Sync, T: Sync + 'a> rayon::iter::IntoParallelIterator for &'a IdVec<I, T> {
    type Iter = rayon::slice::Iter<'a, T>;
    type Item = &'a T;
    fn into_par_iter(self) -> Self::Iter {
        rayon::iter::IntoParallelIterator::into_par_iter(self.items.as_slice())
    }
}

impl<I: Id, T: Send> rayon::iter::FromParallelIterator<T> for IdVec<I, T> {
    fn from_par_iter<P>(items: P) -> Self
    where
        P: rayon::iter::IntoParallelIterator<Item = T>,
    {
        IdVec::from_vec(Vec::from_par_iter(items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BriefingIdx, EntityIdx};

    #[test]
    fn ids_index_their_own_vector() {
        let mut per_entity: IdVec<EntityIdx, Vec<BriefingIdx>> = IdVec::filled(Vec::new(), 3);
        per_entity[EntityIdx(2)].push(BriefingIdx(7));
        assert_eq!(per_entity[EntityIdx(2)], [BriefingIdx(7)]);
        assert!(per_entity.get(EntityIdx(3)).is_none());
        let ids: Vec<EntityIdx> = per_entity.ids().collect();
        assert_eq!(ids, [EntityIdx(0), EntityIdx(1), EntityIdx(2)]);
        let last = per_entity
            .iter_ids()
            .next_back()
            .map(|(id, v)| (id, v.len()));
        assert_eq!(last, Some((EntityIdx(2), 1)));
    }
}
