//! What the tool writes on a terminal: text from the input made harmless, colours.

use std::borrow::Cow;

/// Text from the input as it is shown on a terminal: control characters (escape
/// sequences, NUL, …) and the characters that reorder text (bidi controls) are written as
/// `\u{1b}`, so that a hostile file cannot drive the terminal or disguise a message.
pub fn printable(text: &str) -> Cow<'_, str> {
    let hidden =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if !text.contains(hidden) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if hidden(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

pub const BOLD: &str = "\x1b[1m";
pub const RED: &str = "\x1b[31m";
pub const YELLOW: &str = "\x1b[33m";
pub const GREEN: &str = "\x1b[32m";
pub const CYAN: &str = "\x1b[36m";
pub const RESET: &str = "\x1b[0m";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_the_input_cannot_drive_the_terminal() {
        assert_eq!(printable("Crèche « A »"), "Crèche « A »");
        assert_eq!(
            printable("\u{1b}]0;titre\u{7}\u{1b}[31mrouge\0\n\u{202e}"),
            "\\u{1b}]0;titre\\u{7}\\u{1b}[31mrouge\\u{0}\\u{a}\\u{202e}"
        );
    }
}
