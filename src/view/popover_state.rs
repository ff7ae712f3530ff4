//! Which citation popover is open, and why: one at a time for the whole card.
//!
//! How it was opened decides how it closes. A popover opened by hover closes when the pointer
//! leaves the figure and its popover. One opened by a click, a tap, Enter or a deep link
//! stays until dismissed (Escape, its close button, a second click, a click outside, another
//! figure opening). Whatever opened it, focus moving on to something outside the figure and
//! its popover closes it, so that it never covers what the reader tabbed to.

use std::rc::Rc;

use yew::Reducible;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    Hover,
    Focus,
    Pinned,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Popovers {
    /// The anchor of the open item and how it was opened.
    pub open: Option<(String, Opened)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    PointerEnter(String),
    PointerLeave(String),
    Focus(String),
    /// Focus moved from the item to something outside it.
    Blur(String),
    /// Click, tap or Enter on the item's button.
    Press(String),
    /// A link to `#anchor`.
    DeepLink(String),
    /// Escape, the close button, a click outside, or the host page navigating.
    Dismiss,
}

impl Popovers {
    pub fn is_open(&self, anchor: &str) -> bool {
        self.open.as_ref().is_some_and(|(a, _)| a == anchor)
    }

    /// How the item's popover was opened, if it is open.
    pub fn how(&self, anchor: &str) -> Option<Opened> {
        self.open
            .as_ref()
            .and_then(|(a, how)| (a == anchor).then_some(*how))
    }

    pub fn next(&self, action: Action) -> Popovers {
        let open = |anchor: String, how| Popovers {
            open: Some((anchor, how)),
        };
        let current = self.open.as_ref();
        match action {
            Action::PointerEnter(a) => match current {
                // Hovering never downgrades a pinned or focused popover of the same item.
                Some((o, _)) if *o == a => self.clone(),
                Some((_, Opened::Pinned)) => self.clone(),
                _ => open(a, Opened::Hover),
            },
            Action::Focus(a) => match current {
                Some((o, _)) if *o == a => self.clone(),
                _ => open(a, Opened::Focus),
            },
            Action::PointerLeave(a) => match current {
                Some((o, Opened::Hover)) if *o == a => Popovers::default(),
                _ => self.clone(),
            },
            Action::Blur(a) => match current {
                Some((o, _)) if *o == a => Popovers::default(),
                _ => self.clone(),
            },
            Action::Press(a) => match current {
                Some((o, Opened::Pinned)) if *o == a => Popovers::default(),
                _ => open(a, Opened::Pinned),
            },
            Action::DeepLink(a) => open(a, Opened::Pinned),
            Action::Dismiss => Popovers::default(),
        }
    }
}

impl Reducible for Popovers {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.next(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(actions: Vec<Action>) -> Popovers {
        actions
            .into_iter()
            .fold(Popovers::default(), |s, a| s.next(a))
    }

    #[test]
    fn hover_opens_and_leaving_closes() {
        let s = run(vec![Action::PointerEnter("a".into())]);
        assert!(s.is_open("a"));
        assert!(!s.next(Action::PointerLeave("a".into())).is_open("a"));
    }

    #[test]
    fn a_click_after_hover_pins_instead_of_closing() {
        let s = run(vec![
            Action::PointerEnter("a".into()),
            Action::Press("a".into()),
        ]);
        assert_eq!(s.open, Some(("a".into(), Opened::Pinned)));
        assert!(s.next(Action::PointerLeave("a".into())).is_open("a"));
        assert!(!s.next(Action::Press("a".into())).is_open("a"));
    }

    #[test]
    fn one_popover_at_a_time_and_escape_closes() {
        let s = run(vec![Action::Press("a".into()), Action::Focus("b".into())]);
        assert!(s.is_open("b") && !s.is_open("a"));
        assert_eq!(s.next(Action::Dismiss).open, None);
    }

    #[test]
    fn focus_moving_on_closes_however_it_was_opened() {
        for opening in [
            Action::Focus("a".into()),
            Action::PointerEnter("a".into()),
            Action::Press("a".into()),
            Action::DeepLink("a".into()),
        ] {
            let s = run(vec![opening.clone(), Action::Blur("a".into())]);
            assert_eq!(s.open, None, "{opening:?}, then focus left");
        }
        // Another item's blur (focus arriving here from it) closes nothing.
        let s = run(vec![Action::Press("a".into()), Action::Blur("b".into())]);
        assert!(s.is_open("a"));
    }

    #[test]
    fn how_it_was_opened_is_known_per_item() {
        let s = run(vec![Action::Focus("a".into())]);
        assert_eq!(s.how("a"), Some(Opened::Focus));
        assert_eq!(s.how("b"), None);
        // Enter on a focused figure pins it.
        let s = s.next(Action::Press("a".into()));
        assert_eq!(s.how("a"), Some(Opened::Pinned));
        // Hovering a pinned or focused item changes nothing.
        assert_eq!(s.next(Action::PointerEnter("a".into())), s);
    }

    #[test]
    fn hovering_elsewhere_keeps_a_pinned_popover() {
        let s = run(vec![
            Action::DeepLink("a".into()),
            Action::PointerEnter("b".into()),
        ]);
        assert!(s.is_open("a"));
    }
}
