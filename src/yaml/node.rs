//! Typed YAML values with their positions, independent of the parser crate.

/// Where a value sits in its source: 1-based line and column (in characters),
/// and the byte range used to draw source snippets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub line: u32,
    pub column: u32,
    pub offset: usize,
    pub len: usize,
}

impl Span {
    /// The start of a file, for findings about the file as a whole.
    pub const START: Span = Span {
        line: 1,
        column: 1,
        offset: 0,
        len: 0,
    };
}

/// A value together with the place it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Spanned<U> {
        Spanned {
            value: f(self.value),
            span: self.span,
        }
    }
}

/// One YAML value as written, before any interpretation by the domain.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Node>>),
    /// Entries in file order; duplicate keys are kept so that the decoder can
    /// point at both places.
    Map(Vec<(Spanned<String>, Spanned<Node>)>),
}

impl Node {
    /// Number of values in the tree, for the alias budget.
    pub fn size(&self) -> usize {
        match self {
            Node::Seq(items) => 1 + items.iter().map(|i| i.value.size()).sum::<usize>(),
            Node::Map(entries) => {
                1 + entries
                    .iter()
                    .map(|(_, v)| 1 + v.value.size())
                    .sum::<usize>()
            }
            _ => 1,
        }
    }

    /// French name of the kind of value, for "wrong type" messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Node::Null => "valeur vide",
            Node::Bool(_) => "booléen",
            Node::Int(_) => "nombre entier",
            Node::Float(_) => "nombre décimal",
            Node::Str(_) => "texte",
            Node::Seq(_) => "liste",
            Node::Map(_) => "dictionnaire",
        }
    }
}
