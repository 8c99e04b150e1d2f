//! Small rules of written French shared by every message.

/// « 1 écart majeur », « 6 écarts mineurs »: 0 and 1 take the singular.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n <= 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn zero_and_one_are_singular() {
        assert_eq!(plural(0, "écart", "écarts"), "0 écart");
        assert_eq!(plural(1, "écart", "écarts"), "1 écart");
        assert_eq!(plural(6, "écart", "écarts"), "6 écarts");
    }
}
