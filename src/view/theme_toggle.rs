use yew::prelude::*;

#[derive(Clone, PartialEq, Properties)]
pub struct ThemeToggleProps {
    /// Whether the card shows the dark theme now, whatever made it (the system, the page,
    /// the publisher or the reader).
    pub dark: bool,
    pub on_toggle: Callback<MouseEvent>,
}

/// "Dark theme", pressed while the card is dark: a toggle button's name stays the same and
/// its state says whether it is on, so a screen reader announces "Dark theme, pressed" when
/// the card is dark.
#[function_component(ThemeToggle)]
pub fn theme_toggle(props: &ThemeToggleProps) -> Html {
    html! {
        <button type="button" class="fs-theme" aria-pressed={if props.dark { "true" } else { "false" }}
                onclick={props.on_toggle.clone()}>
            { "Dark theme" }
        </button>
    }
}
