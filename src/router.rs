//! The app's addresses and navigation: hash URLs (`#/latihan/...`) so any static file host
//! serves every page. Written here rather than taken from yew-router because the app needs only
//! a handful of fixed routes and one query parameter, and the general router (route matching,
//! history state serialization, query decoding) cost about 10 KB of the phone's download.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::percent_encode;

use crate::i18n::Text;

/// The app's sections.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// What Latih is for and how to start (`#/`).
    Home,
    /// The scenario library (`#/latihan`).
    Library,
    /// A scenario's briefing, before the visit (`#/latihan/ID`).
    Briefing {
        /// Scenario id.
        id: String,
    },
    /// The conversation (`#/latihan/ID/main`).
    Play {
        /// Scenario id.
        id: String,
    },
    /// The debrief of a finished attempt, by its index in the history (`#/hasil/N`).
    Debrief {
        /// Index in the history.
        attempt: usize,
    },
    /// Every attempt on this device (`#/riwayat`).
    History,
    /// Joining a workshop from the link the trainer shared (`#/w/CODE`).
    Join {
        /// The workshop's code.
        code: String,
    },
    /// The workshop joined on this device: its tests and practice (`#/workshop`).
    Workshop,
    /// What this device keeps; backup and restore (`#/setelan`).
    Settings,
    /// Any address the app does not know.
    NotFound,
}

impl Route {
    /// The sections shown in the main navigation, with their labels.
    pub const NAV: &'static [(Route, Text)] = &[
        (Route::Home, Text::NavHome),
        (Route::Library, Text::NavLibrary),
        (Route::History, Text::NavHistory),
        (Route::Settings, Text::NavSettings),
    ];

    /// The route for a path such as `/latihan/petani?seed=3` (the query is ignored here).
    pub fn parse(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(percent_decode)
            .collect();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["latihan"] => Route::Library,
            ["latihan", id] => Route::Briefing { id: (*id).into() },
            ["latihan", id, "main"] => Route::Play { id: (*id).into() },
            ["hasil", n] => match n.parse() {
                Ok(attempt) => Route::Debrief { attempt },
                Err(_) => Route::NotFound,
            },
            ["riwayat"] => Route::History,
            ["w", code] => Route::Join {
                code: (*code).into(),
            },
            ["workshop"] => Route::Workshop,
            ["setelan"] => Route::Settings,
            _ => Route::NotFound,
        }
    }

    /// The path of this route, e.g. `/latihan/petani`.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Library => "/latihan".into(),
            Route::Briefing { id } => format!("/latihan/{}", percent_encode(id)),
            Route::Play { id } => format!("/latihan/{}/main", percent_encode(id)),
            Route::Debrief { attempt } => format!("/hasil/{attempt}"),
            Route::History => "/riwayat".into(),
            Route::Join { code } => format!("/w/{}", percent_encode(code)),
            Route::Workshop => "/workshop".into(),
            Route::Settings => "/setelan".into(),
            Route::NotFound => "/404".into(),
        }
    }

    /// The link target for this route (`#/...`).
    pub fn href(&self) -> String {
        format!("#{}", self.path())
    }
}

/// The value of `name` in the query part of `path` (`/latihan/x?seed=3` gives `3` for `seed`).
pub fn query_param(path: &str, name: &str) -> Option<String> {
    let (_, query) = path.split_once('?')?;
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| percent_decode(value))
}

/// Decodes `%XX` escapes (as browsers write them in `location.hash`); malformed ones stay as
/// they are.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// Where the router reads and writes the address.
#[derive(Clone, Debug, PartialEq)]
pub enum History {
    /// The browser's `location.hash`: links and the back button work as usual.
    Browser,
    /// An address kept in memory, starting at the given path (tests and server rendering).
    Memory(String),
}

/// The current address and the way to go elsewhere, shared through context.
#[derive(Clone, PartialEq)]
pub struct Navigator {
    /// The current path, with its query (e.g. `/latihan/x?seed=3`).
    pub path: Rc<str>,
    go: Callback<String>,
}

impl Navigator {
    /// The current route.
    pub fn route(&self) -> Route {
        Route::parse(&self.path)
    }

    /// Goes to `route`, adding a step to the browser's history.
    pub fn push(&self, route: &Route) {
        self.go.emit(route.path());
    }

    /// Goes to `path` (for apps with their own routes, such as the trainer's).
    pub fn push_path(&self, path: String) {
        self.go.emit(path);
    }
}

/// Props of [`Router`].
#[derive(Properties, PartialEq)]
pub struct RouterProps {
    /// Where the address lives.
    pub history: History,
    /// The app inside.
    pub children: Html,
}

/// Provides the [`Navigator`] to everything inside it.
#[function_component]
pub fn Router(props: &RouterProps) -> Html {
    let initial = props.history.clone();
    let path = use_state(move || match initial {
        History::Browser => browser_path(),
        History::Memory(path) => path,
    });
    let browser = props.history == History::Browser;
    {
        let path = path.clone();
        use_effect_with(browser, move |browser| {
            let listener = browser
                .then(|| {
                    crate::platform::events::WindowListener::new("hashchange", move |_| {
                        path.set(browser_path())
                    })
                })
                .flatten();
            move || drop(listener)
        });
    }
    // A new page opens at its top (the debrief's score, not the end of the conversation).
    use_effect_with((browser, (*path).clone()), |(browser, _)| {
        if *browser {
            crate::platform::page::scroll_to_top();
        }
    });
    let go = {
        let path = path.clone();
        Callback::from(move |next: String| {
            if browser {
                // The `hashchange` listener above then updates the state.
                crate::platform::page::set_hash(&next);
            } else {
                path.set(next);
            }
        })
    };
    let navigator = Navigator {
        path: Rc::from(path.as_str()),
        go,
    };
    html! {
        <ContextProvider<Navigator> context={navigator}>
            { props.children.clone() }
        </ContextProvider<Navigator>>
    }
}

fn browser_path() -> String {
    let path = crate::platform::page::hash();
    if path.is_empty() {
        "/".to_owned()
    } else {
        path
    }
}

/// The navigator; outside a [`Router`] (isolated component tests), one fixed at `/`.
#[hook]
pub fn use_navigator() -> Navigator {
    use_context::<Navigator>().unwrap_or_else(|| Navigator {
        path: Rc::from("/"),
        go: Callback::noop(),
    })
}

/// Props of [`Link`].
#[derive(Properties, PartialEq)]
pub struct LinkProps {
    /// Where the link goes.
    pub to: Route,
    /// CSS classes of the anchor.
    #[prop_or_default]
    pub classes: Classes,
    /// Marks the link as the page being shown (`aria-current="page"`).
    #[prop_or_default]
    pub current: bool,
    /// The accessible name, when the content alone does not say enough (`aria-label`).
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// The link's content.
    #[prop_or_default]
    pub children: Html,
}

/// A plain anchor to a route: the browser handles the click, middle-click and "open in new tab".
#[function_component]
pub fn Link(props: &LinkProps) -> Html {
    html! {
        <a href={props.to.href()} class={props.classes.clone()}
            aria-current={props.current.then_some("page")} aria-label={props.label.clone()}>{ props.children.clone() }</a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_parses_back_from_its_path() {
        let routes = [
            Route::Home,
            Route::Library,
            Route::Briefing {
                id: "petani".into(),
            },
            Route::Play {
                id: "nelayan".into(),
            },
            Route::Briefing {
                id: "ruang kosong/é".into(),
            },
            Route::Debrief { attempt: 12 },
            Route::Join {
                code: "ABC123".into(),
            },
            Route::Workshop,
            Route::History,
            Route::Settings,
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.path()), route, "{}", route.path());
            assert!(route.href().starts_with("#/"));
        }
    }

    #[test]
    fn unknown_and_malformed_addresses_are_not_found() {
        for path in [
            "/x",
            "/latihan/a/b/c",
            "/hasil/abc",
            "/hasil/-1",
            "/riwayat/1",
        ] {
            assert_eq!(Route::parse(path), Route::NotFound, "{path}");
        }
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("/latihan/"), Route::Library);
    }

    #[test]
    fn the_query_is_read_apart_from_the_route() {
        let path = "/latihan/petani?mode=x&seed=42";
        assert_eq!(
            Route::parse(path),
            Route::Briefing {
                id: "petani".into()
            }
        );
        assert_eq!(query_param(path, "seed").as_deref(), Some("42"));
        assert_eq!(query_param(path, "other"), None);
        assert_eq!(query_param("/latihan", "seed"), None);
    }

    #[test]
    fn malformed_escapes_are_kept_as_text() {
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("a%zz"), "a%zz");
        assert_eq!(percent_decode("%C3%A9"), "é");
        assert_eq!(percent_decode("%FF"), "%FF");
    }
}
