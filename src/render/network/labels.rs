//! Which names fit where: each node's label tries its places in turn (right, left, above,
//! below its circle, or outward on a ring) and takes the first that covers no label placed
//! before it and no other circle; nodes are labelled in the graph's order, so the centre
//! and the most-named come first, and a name that fits nowhere is left out (the node keeps
//! its accessible name, and the lists beside the drawing every name). Text sizes are
//! estimated from character counts: no font is measured at build time.

use super::{Label, LabelLine};
use crate::render::direction::Direction;

/// Average advance of a character, in `em`: generous, since wide fallback fonts (DejaVu
/// Sans) take about 0.63 on mixed-case names.
const CHAR_EM: f64 = 0.66;
/// Room kept between two labels, in `em`.
const PAD_EM: f64 = 0.2;
/// Distance between lines, in `em`.
const LINE_EM: f64 = 1.1;

/// Where a label sits against its circle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Candidate {
    Right,
    Left,
    Above,
    Below,
    /// Beside and above or below: from the circle's corner outward.
    RightAbove,
    RightBelow,
    LeftAbove,
    LeftBelow,
}

impl Candidate {
    /// Every place, in the order a free-standing node tries them.
    pub const ALL: [Candidate; 8] = [
        Candidate::Right,
        Candidate::Left,
        Candidate::Above,
        Candidate::Below,
        Candidate::RightAbove,
        Candidate::RightBelow,
        Candidate::LeftAbove,
        Candidate::LeftBelow,
    ];

    /// The places of a ring node at `p` around the centre `(0, 0)`, best first: pointing
    /// away from the centre, then over or under it, then from its outer corner, then the
    /// rest (over the ring's inside, but better than no name).
    pub fn around(p: (f64, f64)) -> Vec<Candidate> {
        let first = Candidate::outward(p);
        let (up, right) = (p.1 < 0.0, p.0 >= 0.0);
        let vertical = if up {
            Candidate::Above
        } else {
            Candidate::Below
        };
        let corner = match (right, up) {
            (true, true) => Candidate::RightAbove,
            (true, false) => Candidate::RightBelow,
            (false, true) => Candidate::LeftAbove,
            (false, false) => Candidate::LeftBelow,
        };
        let mut v = vec![first];
        for c in [vertical, corner].into_iter().chain(Candidate::ALL) {
            if !v.contains(&c) {
                v.push(c);
            }
        }
        v
    }

    /// The place pointing away from the centre `(0, 0)` for a node at `p`.
    pub fn outward(p: (f64, f64)) -> Candidate {
        let (x, y) = p;
        // Within about 20° of straight up or down, the label is centred over or under.
        if x.abs() < 0.35 * y.abs() {
            if y < 0.0 {
                Candidate::Above
            } else {
                Candidate::Below
            }
        } else if x > 0.0 {
            Candidate::Right
        } else {
            Candidate::Left
        }
    }
}

/// How labels are sized: the font, and on graphs that show fewer labels larger on narrow
/// screens, that font and how many of the first nodes keep theirs there.
pub struct Placement {
    pub font: f64,
    pub narrow: Option<(f64, usize)>,
    pub gap: f64,
}

/// A placed label, before the drawing is moved into its box.
#[derive(Debug, Clone)]
pub struct LabelBox {
    x: f64,
    y: f64,
    anchor: &'static str,
    first_dy: f64,
    lines: usize,
    chars: usize,
    font: f64,
    /// The narrow screens' font, on a major label.
    narrow: Option<f64>,
}

type Rect = (f64, f64, f64, f64);

/// The box of a label at `(x, y)` anchored `anchor`, its first line `first_dy` em off `y`.
fn rect(
    x: f64,
    y: f64,
    anchor: &str,
    first_dy: f64,
    lines: usize,
    chars: usize,
    font: f64,
) -> Rect {
    let w = chars as f64 * CHAR_EM * font;
    let (x0, x1) = match anchor {
        "start" => (x, x + w),
        "end" => (x - w, x),
        _ => (x - w / 2.0, x + w / 2.0),
    };
    let top = first_dy - 0.8;
    let bottom = first_dy + LINE_EM * lines.saturating_sub(1) as f64 + 0.25;
    (x0, y + top * font, x1, y + bottom * font)
}

/// Whether two boxes share some area.
pub fn overlap(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// `r` grown by `by` on every side.
fn grown(r: Rect, by: f64) -> Rect {
    (r.0 - by, r.1 - by, r.2 + by, r.3 + by)
}

/// The box `label` covers at `font`.
#[cfg(test)]
pub fn bounds(label: &Label, font: f64) -> Rect {
    let chars = (label.lines.iter())
        .map(|l| l.text.chars().count())
        .max()
        .unwrap_or(0);
    let first = label.lines.first().map_or(0.0, |l| l.dy);
    let dir = match label.dir {
        "rtl" => Direction::Rtl,
        _ => Direction::Ltr,
    };
    rect(
        label.x,
        label.y,
        dir.anchor_like_ltr(label.anchor),
        first,
        label.lines.len(),
        chars,
        font,
    )
}

impl LabelBox {
    fn new(
        node: (f64, f64),
        r: f64,
        c: Candidate,
        lines: &[String],
        font: f64,
        gap: f64,
    ) -> LabelBox {
        let n = lines.len().max(1);
        let chars = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let side = 0.35 - (n - 1) as f64 * LINE_EM / 2.0;
        let above = -((n - 1) as f64) * LINE_EM - 0.25;
        let below = 0.8;
        let corner = r * 0.7 + gap * 0.7;
        let (x, y, anchor, first_dy) = match c {
            Candidate::Right => (node.0 + r + gap, node.1, "start", side),
            Candidate::Left => (node.0 - r - gap, node.1, "end", side),
            Candidate::Above => (node.0, node.1 - r - gap, "middle", above),
            Candidate::Below => (node.0, node.1 + r + gap, "middle", below),
            Candidate::RightAbove => (node.0 + corner, node.1 - corner, "start", above),
            Candidate::RightBelow => (node.0 + corner, node.1 + corner, "start", below),
            Candidate::LeftAbove => (node.0 - corner, node.1 - corner, "end", above),
            Candidate::LeftBelow => (node.0 - corner, node.1 + corner, "end", below),
        };
        LabelBox {
            x,
            y,
            anchor,
            first_dy,
            lines: n,
            chars,
            font,
            narrow: None,
        }
    }

    fn at(&self, font: f64) -> Rect {
        rect(
            self.x,
            self.y,
            self.anchor,
            self.first_dy,
            self.lines,
            self.chars,
            font,
        )
    }

    /// The boxes it covers: at the normal font, and at the narrow screens' on a major label.
    pub fn rects(&self) -> Vec<Rect> {
        let mut v = vec![self.at(self.font)];
        v.extend(self.narrow.map(|f| self.at(f)));
        v
    }

    /// The label of `lines`, moved by `(dx, dy)`.
    pub fn label(&self, lines: Vec<String>, dx: f64, dy: f64) -> Label {
        let round = |v: f64| (v * 100.0).round() / 100.0;
        let dir = Direction::of_text(lines.first().map_or("", |l| l.as_str()), Direction::Ltr);
        Label {
            x: super::round(self.x + dx),
            y: super::round(self.y + dy),
            anchor: dir.anchor_like_ltr(self.anchor),
            dir: dir.as_str(),
            major: self.narrow.is_some(),
            lines: (lines.into_iter().enumerate())
                .map(|(i, text)| LabelLine {
                    dy: if i == 0 {
                        round(self.first_dy)
                    } else {
                        LINE_EM
                    },
                    text,
                })
                .collect(),
        }
    }
}

/// Labels for each node at `pos` with radius `radii`, named `names` (lines), trying
/// `candidates` in turn; `None` where no place is free.
pub fn place(
    pos: &[(f64, f64)],
    radii: &[f64],
    names: &[Vec<String>],
    candidates: &[Vec<Candidate>],
    p: &Placement,
) -> Vec<Option<LabelBox>> {
    let circle = |i: usize| {
        let ((x, y), r) = (pos[i], radii[i]);
        (x - r, y - r, x + r, y + r)
    };
    let mut placed: Vec<Option<LabelBox>> = Vec::with_capacity(pos.len());
    for i in 0..pos.len() {
        let major = p.narrow.filter(|&(_, m)| i < m).map(|(f, _)| f);
        let fits = |b: &LabelBox, major: Option<f64>| {
            let mine = b.at(p.font);
            let clear_of_circles = (0..pos.len()).all(|j| j == i || !overlap(mine, circle(j)));
            let clear_of_labels = placed.iter().flatten().all(|o| {
                let normal = !overlap(grown(mine, PAD_EM * p.font), o.at(p.font));
                // Major labels also stay apart at the narrow screens' font.
                let narrow = match (major, o.narrow) {
                    (Some(f), Some(g)) => !overlap(grown(b.at(f), PAD_EM * f), o.at(g)),
                    _ => true,
                };
                normal && narrow
            });
            clear_of_circles && clear_of_labels
        };
        let try_with = |narrow: Option<f64>| {
            (candidates[i].iter())
                .map(|&c| {
                    let mut b = LabelBox::new(pos[i], radii[i], c, &names[i], p.font, p.gap);
                    b.narrow = narrow;
                    b
                })
                .find(|b| fits(b, narrow))
        };
        // A major label with no room at the narrow screens' font is still shown on wide ones.
        let found = try_with(major).or_else(|| major.and_then(|_| try_with(None)));
        placed.push(found);
    }
    placed
}

/// `name` in lines of at most `max` characters, broken between words, at most `lines`
/// of them; what does not fit ends in `…`.
pub fn wrap(name: &str, max: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in name.split_whitespace() {
        let len = cur.chars().count();
        if len > 0 && len + 1 + word.chars().count() > max {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(cur);
    }
    let cut = out.len() > lines;
    out.truncate(lines.max(1));
    let last = out.len() - 1;
    for (i, line) in out.iter_mut().enumerate() {
        if line.chars().count() > max || (cut && i == last) {
            let keep: String = line.chars().take(max.saturating_sub(1)).collect();
            *line = format!("{}…", keep.trim_end());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_wrap_between_words_and_are_cut_when_too_long() {
        assert_eq!(wrap("Ukraine", 14, 2), vec!["Ukraine"]);
        assert_eq!(
            wrap("Volodymyr Zelenskiy", 14, 2),
            vec!["Volodymyr", "Zelenskiy"]
        );
        assert_eq!(
            wrap("Russian Armed Forces of the Federation", 14, 2),
            vec!["Russian Armed", "Forces of the…"]
        );
        assert_eq!(
            wrap("Abcdefghijklmnopqrstuvwxyz", 14, 2),
            vec!["Abcdefghijklm…"]
        );
        assert_eq!(wrap("", 14, 2), vec![""]);
    }

    #[test]
    fn a_label_outward_of_a_ring_node_points_away_from_the_centre() {
        assert_eq!(Candidate::outward((0.0, -10.0)), Candidate::Above);
        assert_eq!(Candidate::outward((0.0, 10.0)), Candidate::Below);
        assert_eq!(Candidate::outward((8.0, -5.0)), Candidate::Right);
        assert_eq!(Candidate::outward((-8.0, 5.0)), Candidate::Left);
        let around = Candidate::around((-8.0, 5.0));
        assert_eq!(
            around[..3],
            [Candidate::Left, Candidate::Below, Candidate::LeftBelow]
        );
        assert_eq!(around.len(), 8);
        let around = Candidate::around((0.0, -10.0));
        assert_eq!(around[..2], [Candidate::Above, Candidate::RightAbove]);
        assert_eq!(around.len(), 8);
    }

    #[test]
    fn a_label_that_would_cover_another_is_moved_or_left_out() {
        let lines = vec![vec!["Aaaa".to_string()]; 3];
        let pos = [(0.0, 0.0), (10.0, 0.0), (5.0, 0.0)];
        let cands = vec![vec![Candidate::Right, Candidate::Left]; 3];
        let p = Placement {
            font: 10.0,
            narrow: None,
            gap: 2.0,
        };
        let placed = place(&pos, &[1.0; 3], &lines, &cands, &p);
        // The first's right would cover the second's circle: it goes left; the second
        // goes right; the third, between them, finds no room either side.
        assert!(placed[0].is_some());
        assert!(placed[2].is_none());
    }

    #[test]
    fn a_major_label_with_no_room_on_narrow_screens_still_shows_on_wide_ones() {
        let lines = vec![vec!["Aaaa".to_string()]; 2];
        let pos = [(0.0, 0.0), (0.0, 25.0)];
        let cands = vec![vec![Candidate::Right]; 2];
        let p = Placement {
            font: 10.0,
            narrow: Some((30.0, 2)),
            gap: 2.0,
        };
        let placed = place(&pos, &[1.0; 2], &lines, &cands, &p);
        assert_eq!(placed[0].as_ref().map(|b| b.narrow), Some(Some(30.0)));
        // 25 apart: room at 10 units a line, none at 30.
        assert_eq!(placed[1].as_ref().map(|b| b.narrow), Some(None));
    }
}
