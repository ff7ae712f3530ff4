//! Finding things inside a card (in its host's shadow root, once the host is live) and
//! checking what a reader would: a figure's popover quotes it, an error card names its
//! problems.

use std::error::Error;
use std::time::{Duration, Instant};

use factsheet::model::Figure;
use serde_json::{json, Value as Json};
use thirtyfour::prelude::*;

use super::{normalize, Outcome, POPOVER_TIMEOUT, RENDER_TIMEOUT};

/// Elements matching `arguments[1]` inside the host that matches `arguments[0]`, once live.
pub const FIND_IN_LIVE_HOST: &str = include_str!("js/find_in_live_host.js");

/// The first displayed element matching `css` in the first live card on the page (whose
/// text contains `text`, if given), polling until `timeout`. A card is live once the embed
/// layer has set `data-factsheet-live` on its host: a pre-rendered card is visible earlier,
/// but its popovers do not work yet.
pub async fn wait_in_card(
    browser: &WebDriver,
    css: &str,
    text: Option<&str>,
    timeout: Duration,
) -> Result<WebElement, Box<dyn Error>> {
    wait_in_host(
        browser,
        "[data-factsheet][data-factsheet-live]",
        css,
        text,
        timeout,
    )
    .await
}

/// The first displayed element matching `css` in the live host matching `host` (a CSS
/// selector), whose text contains `text` if given, polling until `timeout`.
pub async fn wait_in_host(
    browser: &WebDriver,
    host: &str,
    css: &str,
    text: Option<&str>,
    timeout: Duration,
) -> Result<WebElement, Box<dyn Error>> {
    let deadline = Instant::now() + timeout;
    loop {
        let found = browser
            .execute(FIND_IN_LIVE_HOST, vec![json!(host), json!(css)])
            .await?
            .elements()?;
        for element in found {
            if !element.is_displayed().await? {
                continue;
            }
            match text {
                Some(wanted) if !element.text().await?.contains(wanted) => continue,
                _ => return Ok(element),
            }
        }
        if Instant::now() > deadline {
            let what = text.map_or(String::new(), |t| format!(" showing {t:?}"));
            return Err(format!(
                "no visible `{css}`{what} in the live host `{host}` within {timeout:?}"
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the card in `host` is live and shows its content.
pub async fn wait_live(d: &WebDriver, host: &str) -> Outcome {
    wait_in_host(d, host, ".fs-root", None, RENDER_TIMEOUT).await?;
    Ok(())
}

/// What the page holds instead of a working card, for a failure message.
pub async fn describe_card(browser: &WebDriver) -> String {
    run_description(browser, include_str!("js/describe_card.js")).await
}

/// Every host on the page: its id, state and first words, for failure messages.
pub async fn describe_hosts(d: &WebDriver) -> String {
    run_description(d, include_str!("js/describe_hosts.js")).await
}

async fn run_description(d: &WebDriver, script: &str) -> String {
    match d.execute(script, Vec::new()).await {
        Ok(ret) => ret.convert::<String>().unwrap_or_default(),
        Err(e) => format!("(could not inspect the page: {e})"),
    }
}

pub async fn expect_attr(element: &WebElement, name: &str, expected: &str) -> Outcome {
    match element.attr(name).await? {
        Some(value) if value == expected => Ok(()),
        other => Err(format!("expected {name}={expected:?}, found {other:?}").into()),
    }
}

/// Hovers `button`, in `host`'s card, as a mouse would (scrolled to the middle of the
/// viewport first) and returns its popover once it shows.
pub async fn hover_for_popover(
    d: &WebDriver,
    host: &str,
    button: &WebElement,
) -> Result<WebElement, Box<dyn Error>> {
    let popover_id = button
        .attr("aria-controls")
        .await?
        .ok_or("the figure button has no aria-controls")?;
    button.scroll_into_view().await?;
    // The pointer first leaves for the page's corner: scrolled to the viewport's middle, this
    // button can land exactly under the pointer left there by the last hover (the cards of a
    // page alike), and a move of zero pixels is no event: WebKit, which does not hover what
    // scrolls under a resting pointer, would never see the pointer arrive.
    d.action_chain()
        .move_to(0, 0)
        .move_to_element_center(button)
        .perform()
        .await?;
    wait_in_host(
        d,
        host,
        &format!("[id=\"{popover_id}\"]"),
        None,
        POPOVER_TIMEOUT,
    )
    .await
    .map_err(|e| format!("hovering did not show popover #{popover_id}: {e}").into())
}

/// The button of `figure` (the one showing its number as written) in `host`'s live card,
/// waiting for it.
pub async fn figure_button(
    d: &WebDriver,
    host: &str,
    figure: &Figure,
) -> Result<WebElement, Box<dyn Error>> {
    let number = figure.value.written();
    match wait_in_host(d, host, ".fs-figure-button", Some(number), RENDER_TIMEOUT).await {
        Ok(button) => Ok(button),
        Err(e) => Err(format!("{e}; page: {}", describe_hosts(d).await).into()),
    }
}

/// Hovers `figure`'s button in `host` and checks that its popover opens as a dialog, quotes
/// the figure's first citation, and that the button says it is expanded.
pub async fn popover_quotes(d: &WebDriver, host: &str, figure: &Figure) -> Outcome {
    let number = figure.value.written();
    let quote = &figure
        .citations
        .first()
        .ok_or("a figure without citation")?
        .quote;
    let button = figure_button(d, host, figure).await?;
    let popover_id = button.attr("aria-controls").await?.unwrap_or_default();
    let popover = hover_for_popover(d, host, &button)
        .await
        .map_err(|e| format!("hovering {number:?} did not show its popover: {e}"))?;
    expect_attr(&popover, "role", "dialog").await?;
    let class = popover.attr("class").await?.unwrap_or_default();
    if !class.split_whitespace().any(|c| c == "fs-popover") {
        return Err(format!("popover #{popover_id} has class {class:?}, not fs-popover").into());
    }
    expect_open_with_quote(&button, &popover, &popover_id, quote).await
}

/// `popover_quotes` in the card of the frame `frame` (an iframe element of the page), back in
/// the page afterwards whatever the outcome.
pub async fn popover_quotes_in_frame(
    d: &WebDriver,
    frame: &WebElement,
    figure: &Figure,
) -> Outcome {
    // The frame is as tall as its card, so the page around it is what scrolls: bring the
    // figure's button into the page's view first. A frame cannot scroll its cross-origin
    // parent in WebKit (the sandboxed frame's origin is opaque), so scrolling the button
    // into view from inside would leave it out of sight there.
    frame.clone().enter_frame().await?;
    let button = figure_button(d, "[data-factsheet]", figure).await;
    let top: Result<f64, WebDriverError> = match &button {
        Ok(button) => d
            .execute(
                "return arguments[0].getBoundingClientRect().top;",
                vec![button.to_json()?],
            )
            .await
            .and_then(|v| v.convert()),
        Err(_) => Ok(0.0),
    };
    d.enter_default_frame().await?;
    d.execute(
        "window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY + arguments[1] - 100);",
        vec![frame.to_json()?, json!(top?)],
    )
    .await?;
    frame.clone().enter_frame().await?;
    let framed = popover_quotes(d, "[data-factsheet]", figure).await;
    d.enter_default_frame().await?;
    framed
}

/// The open popover quotes `quote` in one of its blockquotes, and its button says it is
/// expanded.
pub async fn expect_open_with_quote(
    button: &WebElement,
    popover: &WebElement,
    popover_id: &str,
    quote: &str,
) -> Outcome {
    // Rendered text is what WebDriver reads; in WebKit it can lag the popover's showing by a
    // frame, so it is read again until the popover's timeout.
    let deadline = Instant::now() + POPOVER_TIMEOUT;
    loop {
        let mut quoted = Vec::new();
        for blockquote in popover.find_all(By::Css("blockquote")).await? {
            quoted.push(normalize(&blockquote.text().await?));
        }
        if quoted.iter().any(|q| q.contains(&normalize(quote))) {
            break;
        }
        if Instant::now() > deadline {
            return Err(
                format!("popover #{popover_id} quotes {quoted:?}, expected {quote:?}").into(),
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    expect_attr(button, "aria-expanded", "true").await
}

/// The text of `host`'s error card, waiting for it to appear.
pub async fn error_card_text(d: &WebDriver, host: &str) -> Result<String, Box<dyn Error>> {
    let deadline = Instant::now() + RENDER_TIMEOUT;
    loop {
        let found: Option<String> = d
            .execute(include_str!("js/error_card_text.js"), vec![json!(host)])
            .await?
            .convert()?;
        if let Some(text) = found {
            return Ok(text);
        }
        if Instant::now() > deadline {
            return Err(format!(
                "no error card (article.factsheet.fs-error[role=alert]) within {RENDER_TIMEOUT:?}; page: {}",
                describe_hosts(d).await
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits for `host`'s error card and adds to `problems` each of `wanted` it does not say.
pub async fn expect_error_card(
    d: &WebDriver,
    host: &str,
    wanted: &[String],
    problems: &mut Vec<String>,
) {
    match error_card_text(d, host).await {
        Err(e) => problems.push(format!("{host}: {e}")),
        Ok(text) => problems.extend(lacking(host, &text, wanted)),
    }
}

/// One problem per `wanted` string that the error card's `text` lacks.
pub fn lacking(host: &str, text: &str, wanted: &[String]) -> Vec<String> {
    let flat = normalize(text);
    wanted
        .iter()
        .filter(|w| !flat.contains(&normalize(w)))
        .map(|w| format!("{host}: the error card lacks {w:?}; it says {text:?}"))
        .collect()
}

/// What `script` (a WebDriver script without arguments) returns, as JSON.
pub async fn page_json(d: &WebDriver, script: &str) -> Result<Json, Box<dyn Error>> {
    Ok(d.execute(script, Vec::new()).await?.json().clone())
}

/// The ids of the hosts on the page that show an error card.
pub async fn hosts_with_error_cards(d: &WebDriver) -> Result<Vec<String>, Box<dyn Error>> {
    Ok(
        d.execute(include_str!("js/error_card_hosts.js"), Vec::new())
            .await?
            .convert()?,
    )
}

/// Opens every closed disclosure of the card in `host` (a CSS selector) as a reader does, with
/// a click on its summary: `<details>` needs no script, so this works with JavaScript off and
/// with the wasm blocked. Returns how many it opened.
pub async fn open_every_disclosure(d: &WebDriver, host: &str) -> Result<usize, Box<dyn Error>> {
    let summaries = d
        .execute(include_str!("js/closed_summaries.js"), vec![json!(host)])
        .await?
        .elements()?;
    for summary in &summaries {
        summary.scroll_into_view().await?;
        summary.click().await?;
    }
    Ok(summaries.len())
}
