//! The sheet format, described once: [`described!`] wraps the type declarations in
//! `sheet.rs` and derives from them everything that reads a sheet.
//!
//! From each declaration it takes what serde and schemars take (so the decoder, the
//! serialiser and `sheet.schema.json` cannot drift apart):
//! - a struct's fields, named by their identifier or `#[serde(rename = "…")]`; a field with
//!   `#[serde(default …)]` may be left out (an `Option` is then `None`, a list empty, and an
//!   `Option` may also be `null`); every other field is required;
//! - an enum's variants, named in snake_case (the macro also writes serde's
//!   `rename_all = "snake_case"`): names only (`"single_origin"`), internally tagged objects
//!   (`#[serde(tag = "kind", …)]`, first in its `serde` attribute), or one key naming the
//!   variant (`{"stated": {…}}`; such an enum gives `ONE_KEY_HINT`, what to write, and
//!   `ONE_KEY_LISTED`, its `NAMES` in the order that hint reads, checked by a test). Variants
//!   are always chosen by name.
//!
//! It also writes the derives every model type shares, and `deny_unknown_fields` on structs,
//! because the decoder rejects unknown fields everywhere.

/// The length of `name` in snake_case (`NotStated` -> `not_stated`).
pub const fn snake_len(name: &str) -> usize {
    let bytes = name.as_bytes();
    let mut len = bytes.len();
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i].is_ascii_uppercase() {
            len += 1;
        }
        i += 1;
    }
    len
}

/// `name` (a Rust variant name, ASCII) in snake_case, as bytes; `N` is [`snake_len`].
pub const fn snake_bytes<const N: usize>(name: &str) -> [u8; N] {
    let bytes = name.as_bytes();
    let mut out = [0u8; N];
    let (mut from, mut to) = (0, 0);
    while from < bytes.len() && to < N {
        let b = bytes[from];
        if b.is_ascii_uppercase() {
            if from > 0 && to + 1 < N {
                out[to] = b'_';
                to += 1;
            }
            out[to] = b.to_ascii_lowercase();
        } else {
            out[to] = b;
        }
        from += 1;
        to += 1;
    }
    out
}

/// A variant's name in the file, worked out at compile time.
macro_rules! snake {
    ($variant:ident) => {{
        const NAME: &str = stringify!($variant);
        const BYTES: &[u8] =
            &$crate::describe::snake_bytes::<{ $crate::describe::snake_len(NAME) }>(NAME);
        match core::str::from_utf8(BYTES) {
            Ok(name) => name,
            Err(_) => NAME,
        }
    }};
}

/// One field, from its attributes: `name` gives its name in the file; `(read d o Type)`
/// reads it from object `o` with decoder `d`, as required or defaulted.
macro_rules! field {
    (@scan name [$name:expr] $read:ident;) => {
        $name
    };
    (@scan (read $d:ident $o:ident $ty:ty) [$name:expr] $read:ident;) => {
        $d.$read::<$ty>(&$o, $name)
    };
    (@scan $mode:tt [$name:expr] $read:ident; [serde($($inner:tt)*)] $($rest:tt)*) => {
        $crate::describe::field!(@serde $mode [$name] $read; [$($inner)*] $($rest)*)
    };
    (@scan $mode:tt [$name:expr] $read:ident; [$($other:tt)*] $($rest:tt)*) => {
        $crate::describe::field!(@scan $mode [$name] $read; $($rest)*)
    };
    (@serde $mode:tt [$name:expr] $read:ident; [] $($rest:tt)*) => {
        $crate::describe::field!(@scan $mode [$name] $read; $($rest)*)
    };
    (@serde $mode:tt [$name:expr] $read:ident; [, $($inner:tt)*] $($rest:tt)*) => {
        $crate::describe::field!(@serde $mode [$name] $read; [$($inner)*] $($rest)*)
    };
    (@serde $mode:tt [$old:expr] $read:ident; [rename = $name:literal $($inner:tt)*] $($rest:tt)*) => {
        $crate::describe::field!(@serde $mode [$name] $read; [$($inner)*] $($rest)*)
    };
    (@serde $mode:tt [$name:expr] $read:ident; [default $($inner:tt)*] $($rest:tt)*) => {
        $crate::describe::field!(@serde $mode [$name] defaulted; [$($inner)*] $($rest)*)
    };
    (@serde $mode:tt [$name:expr] $read:ident; [$key:ident = $value:literal $($inner:tt)*] $($rest:tt)*) => {
        $crate::describe::field!(@serde $mode [$name] $read; [$($inner)*] $($rest)*)
    };
    ($mode:tt $field:ident; $($attrs:tt)*) => {
        $crate::describe::field!(@scan $mode [stringify!($field)] required; $($attrs)*)
    };
}

/// The names of a list of fields, for "unknown field" messages and hints.
macro_rules! field_names {
    ($( [$($attrs:tt)*] $field:ident : $ty:ty ),*) => {
        &[$( $crate::describe::field!(name $field; $($attrs)*) ),*]
    };
}

/// Reads every field from object `o` (recording each problem), then builds `ctor` if all
/// were read. All of the fields, or none: one place drops a partly read object, rather than
/// one early return per field, each with its own drops (smaller wasm).
macro_rules! construct {
    ($d:ident $o:ident [$($ctor:tt)*] { $( [$($attrs:tt)*] $field:ident : $ty:ty ),* }) => {{
        $( let $field = $crate::describe::field!((read $d $o $ty) $field; $($attrs)*); )*
        match ($($field,)*) {
            ($(Some($field),)*) => Some($($ctor)* { $($field),* }),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }};
}

/// One variant's value: its fields read from object `o`, or (one key naming the variant) its
/// fields or its one value read from `value`, or nothing (a unit variant of a tagged enum).
macro_rules! variant {
    ($d:ident $o:ident [$($ctor:tt)*] { $($fields:tt)* }) => {
        $crate::describe::construct!($d $o [$($ctor)*] { $($fields)* })
    };
    ($d:ident $o:ident [$($ctor:tt)*]) => {
        Some($($ctor)*)
    };
    ($d:ident $value:ident $path:ident [$($ctor:tt)*] { $( [$($attrs:tt)*] $field:ident : $ty:ty ),* }) => {{
        let fields: &[&str] = $crate::describe::field_names!($( [$($attrs)*] $field : $ty ),*);
        let o = $d.object($value, $path, fields)?;
        $crate::describe::construct!($d o [$($ctor)*] { $( [$($attrs)*] $field : $ty ),* })
    }};
    ($d:ident $value:ident $path:ident [$($ctor:tt)*] ( $inner:ty )) => {
        <$inner as $crate::decode::Decode>::decode($d, $value, $path).map($($ctor)*)
    };
}

/// Declares the sheet's types and derives their decoders; see the module comment.
macro_rules! described {
    () => {};
    (
        $(#[$($attr:tt)*])*
        pub struct $name:ident {
            $( $(#[$($fattr:tt)*])* pub $field:ident : $ty:ty ),* $(,)?
        }
        $($rest:tt)*
    ) => {
        #[derive(Clone, Debug, PartialEq, serde::Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        $(#[$($attr)*])*
        pub struct $name {
            $( $(#[$($fattr)*])* pub $field: $ty ),*
        }

        impl $crate::decode::Decode for $name {
            fn decode(d: &mut $crate::decode::Decoder, value: &$crate::json::Json, path: &$crate::path::Path) -> Option<Self> {
                let fields: &[&str] = $crate::describe::field_names!($( [$([$($fattr)*])*] $field : $ty ),*);
                let o = d.object(value, path, fields)?;
                $crate::describe::construct!(d o [$name] { $( [$([$($fattr)*])*] $field : $ty ),* })
            }
        }

        $crate::describe::described!($($rest)*);
    };
    (
        $(#[$($attr:tt)*])*
        pub enum $name:ident { $($body:tt)* }
        $($rest:tt)*
    ) => {
        $crate::describe::described!(@enum [$([$($attr)*])*] [$([$($attr)*])*] $name { $($body)* } { $($body)* });
        $crate::describe::described!($($rest)*);
    };

    // Which kind of enum: internally tagged when a `serde` attribute starts with `tag`.
    (@enum [[serde(tag = $tag:literal $($x:tt)*)] $($more:tt)*] $attrs:tt $name:ident $raw:tt $body:tt) => {
        $crate::describe::described!(@declare $attrs $name $raw);
        $crate::describe::described!(@tagged $tag $name $body);
    };
    (@enum [$first:tt $($more:tt)*] $attrs:tt $name:ident $raw:tt $body:tt) => {
        $crate::describe::described!(@enum [$($more)*] $attrs $name $raw $body);
    };
    (@enum [] $attrs:tt $name:ident $raw:tt $body:tt) => {
        $crate::describe::described!(@declare $attrs $name $raw);
        $crate::describe::described!(@untagged $name $body);
    };
    (@declare [$($attr:tt)*] $name:ident { $($body:tt)* }) => {
        #[derive(Clone, Debug, PartialEq, serde::Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        $(#$attr)*
        pub enum $name { $($body)* }
    };
    (@untagged $name:ident { $( $(#[$($vattr:tt)*])* $variant:ident ),* $(,)? }) => {

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$( $name::$variant ),*];

            /// The name used in the facts file.
            pub const fn key(self) -> &'static str {
                match self {
                    $( $name::$variant => $crate::describe::snake!($variant) ),*
                }
            }
        }

        impl $crate::decode::Decode for $name {
            fn decode(d: &mut $crate::decode::Decoder, value: &$crate::json::Json, path: &$crate::path::Path) -> Option<Self> {
                const NAMED: &[(&str, $name)] = &[$( ($crate::describe::snake!($variant), $name::$variant) ),*];
                d.name(value, path, NAMED)
            }
        }
    };
    // One key naming the variant: `{"stated": {…}}`.
    (@untagged $name:ident {
        $( $(#[$($vattr:tt)*])* $variant:ident
            $({ $( $(#[$($fattr:tt)*])* $field:ident : $ty:ty ),* $(,)? })?
            $(( $inner:ty ))?
        ),* $(,)?
    }) => {

        impl $name {
            /// The keys naming the variants, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$( $crate::describe::snake!($variant) ),*];
        }

        impl $crate::decode::Decode for $name {
            fn decode(d: &mut $crate::decode::Decoder, value: &$crate::json::Json, path: &$crate::path::Path) -> Option<Self> {
                let o = d.one_key(value, path, $name::ONE_KEY_LISTED, $name::ONE_KEY_HINT)?;
                $(
                    if o.get($crate::describe::snake!($variant)).is_some() {
                        return d.required_with(&o, $crate::describe::snake!($variant), |d, value, path| {
                            $crate::describe::variant!(d value path [$name::$variant]
                                $({ $( [$([$($fattr)*])*] $field : $ty ),* })?
                                $(( $inner ))?)
                        });
                    }
                )*
                None
            }
        }
    };
    // `{"kind": "exact", …}`: the tag names the variant, the other keys are its fields.
    (@tagged $tag:literal $name:ident {
        $( $(#[$($vattr:tt)*])* $variant:ident
            $({ $( $(#[$($fattr:tt)*])* $field:ident : $ty:ty ),* $(,)? })?
        ),* $(,)?
    }) => {

        impl $crate::decode::Decode for $name {
            fn decode(d: &mut $crate::decode::Decoder, value: &$crate::json::Json, path: &$crate::path::Path) -> Option<Self> {
                let kinds: &[(&str, &[&str])] = &[$(
                    ($crate::describe::snake!($variant), {
                        let fields: &[&str] = &[$($( $crate::describe::field!(name $field; $([$($fattr)*])*) ),*)?];
                        fields
                    })
                ),*];
                let (kind, o) = d.tagged(value, path, $tag, kinds)?;
                $(
                    if kind == $crate::describe::snake!($variant) {
                        return $crate::describe::variant!(d o [$name::$variant]
                            $({ $( [$([$($fattr)*])*] $field : $ty ),* })?);
                    }
                )*
                None
            }
        }
    };
}

pub(crate) use {construct, described, field, field_names, snake, variant};

#[cfg(test)]
mod tests {
    #[test]
    fn variant_names_are_snake_case() {
        assert_eq!(snake!(NotAcknowledged), "not_acknowledged");
        assert_eq!(snake!(Exact), "exact");
        assert_eq!(snake!(IntelligenceAgency), "intelligence_agency");
    }
}
