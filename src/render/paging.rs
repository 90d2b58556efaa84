//! Paginated lists: page numbers, where each page lives, which items it holds, and the
//! pager every list template shows. Page 1 of a list stays at the list's own folder;
//! page N ≥ 2 lives at `<list folder>page/N/`.

use super::views::{Pager, PagerLink};
use serde::Serialize;

/// A page number of a paginated list, from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct PageNo(u32);

impl PageNo {
    /// The first page, at the list's own URL.
    pub const FIRST: PageNo = PageNo(1);

    /// Page `n`; `None` for 0.
    pub fn new(n: u32) -> Option<PageNo> {
        (n >= 1).then_some(PageNo(n))
    }

    /// The number, from 1.
    pub fn get(self) -> u32 {
        self.0
    }

    /// Whether this is page 1, the one that shows a list's head.
    pub fn is_first(self) -> bool {
        self.0 == 1
    }

    /// Pages 1 to `count`.
    pub fn all(count: u32) -> impl Iterator<Item = PageNo> {
        (1..=count.max(1)).map(PageNo)
    }

    /// The page holding the item at `rank` (from 0) of a list cut in pages of `size`.
    pub fn of_rank(rank: usize, size: u32) -> PageNo {
        PageNo((rank / size.max(1) as usize) as u32 + 1)
    }
}

/// How many pages a list of `items` has in pages of `size`: at least one, so that an empty
/// list still has its page.
pub fn count(items: usize, size: u32) -> u32 {
    items.div_ceil(size.max(1) as usize).max(1) as u32
}

/// The items of `list` on page `n`.
pub fn slice<T>(list: &[T], n: PageNo, size: u32) -> &[T] {
    &list[ranks(list.len(), n, size)]
}

/// The positions (from 0) of the items on page `n` of a list of `items`.
pub fn ranks(items: usize, n: PageNo, size: u32) -> std::ops::Range<usize> {
    let size = size.max(1) as usize;
    let from = ((n.get() - 1) as usize).saturating_mul(size).min(items);
    from..from.saturating_add(size).min(items)
}

/// The folder of page `n` of the list in folder `dir` (`timeline/`, `timeline/page/2/`).
pub fn dir(dir: &str, n: PageNo) -> String {
    if n.is_first() {
        dir.to_string()
    } else {
        format!("{dir}page/{}/", n.get())
    }
}

/// A link to page `n` of the list in `dir`, relative to the output root.
pub fn url(list_dir: &str, n: PageNo) -> String {
    crate::urls::href("", &dir(list_dir, n))
}

/// Numbered pages shown either side of the current one.
const WINDOW: u32 = 2;

/// The pager of page `n` of `pages`, for the list in `list_dir` of `items` in all.
pub fn pager(list_dir: &str, n: PageNo, pages: u32, items: usize, size: u32) -> Pager {
    let at = n.get();
    let link = |p: u32| url(list_dir, PageNo(p));
    let number = |p: u32| PagerLink {
        number: p,
        url: link(p),
        current: p == at,
        gap: false,
    };
    let shown: Vec<u32> = (1..=pages)
        .filter(|&p| p == 1 || p == pages || p.abs_diff(at) <= WINDOW)
        .collect();
    let mut links = Vec::new();
    let mut before = 0;
    for p in shown {
        // A gap of a single page shows that page rather than an ellipsis standing for it.
        if p == before + 2 {
            links.push(number(before + 1));
        } else if p > before + 2 {
            links.push(PagerLink {
                number: 0,
                url: String::new(),
                current: false,
                gap: true,
            });
        }
        links.push(number(p));
        before = p;
    }
    let size = size.max(1) as usize;
    let first_item = ((at - 1) as usize * size + 1).min(items);
    Pager {
        number: at,
        count: pages,
        items,
        first_item,
        last_item: (at as usize * size).min(items),
        first: (at > 1).then(|| link(1)),
        prev: (at > 1).then(|| link(at - 1)),
        next: (at < pages).then(|| link(at + 1)),
        last: (at < pages).then(|| link(pages)),
        links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(at: u32, pages: u32) -> String {
        let p = pager("x/", PageNo(at), pages, pages as usize * 10, 10);
        let parts: Vec<String> = (p.links.iter())
            .map(|l| match (l.gap, l.current) {
                (true, _) => "…".to_string(),
                (_, true) => format!("[{}]", l.number),
                _ => l.number.to_string(),
            })
            .collect();
        parts.join(" ")
    }

    #[test]
    fn the_pager_shows_the_ends_and_a_window_around_the_current_page() {
        assert_eq!(shown(1, 1), "[1]");
        assert_eq!(shown(1, 3), "[1] 2 3");
        assert_eq!(shown(6, 20), "1 … 4 5 [6] 7 8 … 20");
        assert_eq!(shown(1, 20), "[1] 2 3 … 20");
        assert_eq!(shown(20, 20), "1 … 18 19 [20]");
        // A gap of a single page shows the page instead.
        assert_eq!(shown(5, 9), "1 2 3 4 [5] 6 7 8 9");
        assert_eq!(shown(4, 20), "1 2 3 [4] 5 6 … 20");
    }

    #[test]
    fn page_one_is_the_list_folder_and_later_pages_sit_under_page() {
        assert_eq!(url("timeline/", PageNo::FIRST), "timeline/index.html");
        assert_eq!(url("timeline/", PageNo(3)), "timeline/page/3/index.html");
        assert_eq!(dir("actors/x/", PageNo(2)), "actors/x/page/2/");
    }

    #[test]
    fn slices_cover_the_list_once_in_order() {
        let list: Vec<u32> = (0..23).collect();
        assert_eq!(count(list.len(), 10), 3);
        assert_eq!(count(0, 10), 1);
        let all: Vec<u32> = PageNo::all(3)
            .flat_map(|n| slice(&list, n, 10).to_vec())
            .collect();
        assert_eq!(all, list);
        assert!(slice(&list, PageNo(4), 10).is_empty());
        assert_eq!(PageNo::of_rank(9, 10), PageNo(1));
        assert_eq!(PageNo::of_rank(10, 10), PageNo(2));
        let p = pager("x/", PageNo(3), 3, 23, 10);
        assert_eq!((p.first_item, p.last_item), (21, 23));
        assert_eq!(p.prev.as_deref(), Some("x/page/2/index.html"));
        assert_eq!(p.first.as_deref(), Some("x/index.html"));
        assert_eq!(p.next, None);
    }
}
