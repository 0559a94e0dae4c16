//! CouchDB's HTTP API, over the browser's fetch: the few calls team sync makes, each
//! answer read as JSON. Requests carry the session cookie (`credentials: include`), never
//! a password; only the sign-in sends one, once. No Rust client for CouchDB runs in a
//! browser (the crates there need tokio and reqwest), so this small one is ours.

use pipewise_core::sync::Doc;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestCredentials, RequestInit, Response};

/// Why a call did not get its answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// No answer at all: offline, the server down, or refused by CORS.
    Offline,
    /// 401: no session, or it ended.
    SignedOut,
    /// 403: the user may not do this here, with CouchDB's reason.
    Forbidden(String),
    NotFound,
    /// Stopped by us (pause, leave, a local change cutting a long poll short).
    Aborted,
    /// Any other answer, with its status and reason.
    Server(u16, String),
}

/// One team database on one server.
#[derive(Clone, Debug)]
pub struct Couch {
    pub server: String,
    pub db: String,
}

/// CouchDB's error body.
#[derive(Deserialize, Default)]
struct Problem {
    #[serde(default)]
    error: String,
    #[serde(default)]
    reason: String,
}

/// One row of `_changes`.
#[derive(Deserialize)]
pub struct Change {
    pub id: String,
    #[serde(default)]
    pub doc: Option<Doc>,
}

/// An answer of `_changes`.
#[derive(Deserialize)]
pub struct Changes {
    pub results: Vec<Change>,
    pub last_seq: Value,
}

/// One answer of `_bulk_docs`, per document.
#[derive(Deserialize)]
pub struct Written {
    pub id: String,
    #[serde(default)]
    pub rev: Option<String>,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// One row of `_all_docs` asked with keys.
#[derive(Deserialize)]
struct Row {
    #[serde(default)]
    key: String,
    #[serde(default)]
    doc: Option<Doc>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    value: Option<RowValue>,
}

#[derive(Deserialize)]
struct RowValue {
    #[serde(default)]
    deleted: bool,
}

#[derive(Deserialize)]
struct Rows {
    rows: Vec<Row>,
}

/// What the server holds of documents asked for by id.
#[derive(Default)]
pub struct Looked {
    /// Live documents without conflicts, as the server holds them.
    pub plain: Vec<Doc>,
    /// Deleted or in conflict: their leaves must be read one by one.
    pub leaves_needed: Vec<String>,
    /// Not on the server at all: new.
    pub missing: Vec<String>,
}

impl Couch {
    fn db_url(&self, path: &str) -> String {
        format!("{}/{}{path}", self.server, encode(&self.db))
    }

    /// Opens a session (`POST /_session`): the server sets its cookie. The password
    /// goes in this body only.
    pub async fn sign_in(&self, user: &str, password: &str) -> Result<(), Fault> {
        let body = json!({ "name": user, "password": password }).to_string();
        let url = format!("{}/_session", self.server);
        call("POST", &url, Some(&body), None).await.map(|_| ())
    }

    /// Ends the session (best effort).
    pub async fn sign_out(&self) {
        let url = format!("{}/_session", self.server);
        let _ = call("DELETE", &url, None, None).await;
    }

    /// The database's information: only a member can read it.
    pub async fn check_member(&self) -> Result<(), Fault> {
        call("GET", &self.db_url(""), None, None).await.map(|_| ())
    }

    /// A batch of the changes feed since `since`, with the documents and their conflicts.
    pub async fn changes(&self, since: &Value, limit: usize) -> Result<Changes, Fault> {
        let url = self.db_url(&format!(
            "/_changes?include_docs=true&conflicts=true&limit={limit}&since={}",
            encode(&seq_text(since))
        ));
        get_json(&url, None).await
    }

    /// Waits (up to `seconds`) for a change after `since`; returns at once when there is
    /// one. Cut short by `signal`.
    pub async fn wait_for_change(
        &self,
        since: &Value,
        seconds: u32,
        signal: &AbortSignal,
    ) -> Result<(), Fault> {
        let url = self.db_url(&format!(
            "/_changes?feed=longpoll&limit=1&timeout={}&since={}",
            seconds * 1000,
            encode(&seq_text(since))
        ));
        call("GET", &url, None, Some(signal)).await.map(|_| ())
    }

    /// Every leaf of a document, deleted ones with their bodies
    /// (`GET /{db}/{id}?open_revs=all`).
    pub async fn leaves(&self, id: &str) -> Result<Vec<Doc>, Fault> {
        #[derive(Deserialize)]
        struct Leaf {
            #[serde(default)]
            ok: Option<Doc>,
        }
        let url = self.db_url(&format!("/{}?open_revs=all&revs=false", encode(id)));
        let leaves: Vec<Leaf> = get_json(&url, None).await?;
        Ok(leaves.into_iter().filter_map(|l| l.ok).collect())
    }

    /// What the server holds of these documents (`POST /{db}/_all_docs` with keys).
    pub async fn look_up(&self, ids: &[String]) -> Result<Looked, Fault> {
        let url = self.db_url("/_all_docs?include_docs=true&conflicts=true");
        let body = json!({ "keys": ids }).to_string();
        let text = call("POST", &url, Some(&body), None).await?;
        let rows: Rows = parse(&text)?;
        let mut looked = Looked::default();
        for row in rows.rows {
            match (row.error, row.value, row.doc) {
                (Some(_), _, _) => looked.missing.push(row.key),
                (None, Some(value), Some(doc)) if !value.deleted && doc.conflicts.is_empty() => {
                    looked.plain.push(doc)
                }
                (None, _, _) => looked.leaves_needed.push(row.key),
            }
        }
        Ok(looked)
    }

    /// Writes documents (`POST /{db}/_bulk_docs`): one answer each, in order.
    pub async fn bulk_docs(&self, docs: &[Doc]) -> Result<Vec<Written>, Fault> {
        let body = json!({ "docs": docs }).to_string();
        let text = call("POST", &self.db_url("/_bulk_docs"), Some(&body), None).await?;
        parse(&text)
    }
}

/// A sequence as the feed's `since` takes it (CouchDB's are text, PouchDB's numbers).
fn seq_text(seq: &Value) -> String {
    match seq {
        Value::String(s) => s.clone(),
        Value::Null => "0".into(),
        other => other.to_string(),
    }
}

async fn get_json<T: DeserializeOwned>(
    url: &str,
    signal: Option<&AbortSignal>,
) -> Result<T, Fault> {
    let text = call("GET", url, None, signal).await?;
    parse(&text)
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Fault> {
    serde_json::from_str(text)
        .map_err(|e| Fault::Server(200, format!("the server's answer could not be read ({e})")))
}

/// One request; the answer's text when it is a success.
async fn call(
    method: &str,
    url: &str,
    body: Option<&str>,
    signal: Option<&AbortSignal>,
) -> Result<String, Fault> {
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(RequestCredentials::Include);
    let headers = web_sys::Headers::new().map_err(|_| Fault::Offline)?;
    let _ = headers.set("Accept", "application/json");
    if let Some(body) = body {
        let _ = headers.set("Content-Type", "application/json");
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    if let Some(signal) = signal {
        init.set_signal(Some(signal));
    }
    let window = web_sys::window().ok_or(Fault::Offline)?;
    let answer = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|e| aborted_or(e, Fault::Offline))?;
    let response: Response = answer.unchecked_into();
    let status = response.status();
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .map_err(|e| aborted_or(e, Fault::Offline))?
            .as_string()
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    if (200..300).contains(&status) {
        return Ok(text);
    }
    let problem: Problem = serde_json::from_str(&text).unwrap_or_default();
    Err(match status {
        401 => Fault::SignedOut,
        403 => Fault::Forbidden(if problem.reason.is_empty() {
            problem.error
        } else {
            problem.reason
        }),
        404 => Fault::NotFound,
        _ => Fault::Server(status, problem.reason),
    })
}

fn aborted_or(error: JsValue, otherwise: Fault) -> Fault {
    let name = js_sys::Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    if name.as_deref() == Some("AbortError") {
        Fault::Aborted
    } else {
        otherwise
    }
}

/// A path segment or query value, percent-encoded.
fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}
