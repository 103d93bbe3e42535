//! A local SMTP server that really receives: it speaks the protocol (RFC
//! 5321: greeting, EHLO/HELO, MAIL FROM, RCPT TO, DATA with dot-unstuffing,
//! RSET, NOOP, QUIT) on a random port of 127.0.0.1 and keeps what it
//! received. It can refuse (421 at connect, 451 at DATA) or be down.

use std::sync::{Arc, Mutex};

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpSocket, TcpStream};
use tokio::task::JoinHandle;

/// How the server answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Accept,
    /// `421` right after connecting, then hangs up.
    RefuseAtConnect,
    /// `451` to DATA: the message is not taken.
    RefuseAtData,
}

/// A message as the server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent: headers, blank line, body.
    pub data: String,
}

impl Received {
    /// A header's value (unfolded), by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next().unwrap_or("");
        let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
        unfolded.split("\r\n").find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_string())
        })
    }

    /// The body, decoded from its transfer encoding.
    pub fn body(&self) -> String {
        let raw = self
            .data
            .split_once("\r\n\r\n")
            .map(|(_, b)| b)
            .unwrap_or("");
        let encoding = self
            .header("Content-Transfer-Encoding")
            .unwrap_or_default()
            .to_ascii_lowercase();
        match encoding.as_str() {
            "base64" => {
                let compact: String = raw.split_whitespace().collect();
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(compact)
                    .expect("base64 body");
                String::from_utf8_lossy(&bytes).replace("\r\n", "\n")
            }
            "quoted-printable" => quoted_printable(raw),
            _ => raw.replace("\r\n", "\n"),
        }
    }
}

fn quoted_printable(text: &str) -> String {
    let mut bytes = Vec::new();
    let mut lines = text.split("\r\n").peekable();
    while let Some(line) = lines.next() {
        // A soft break (`=` at the end) joins the line to the next.
        let (line, soft) = match line.strip_suffix('=') {
            Some(rest) => (rest, true),
            None => (line, false),
        };
        let raw = line.as_bytes();
        let mut i = 0;
        while i < raw.len() {
            let hex = raw
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match (raw[i], hex) {
                (b'=', Some(byte)) => {
                    bytes.push(byte);
                    i += 3;
                }
                (byte, _) => {
                    bytes.push(byte);
                    i += 1;
                }
            }
        }
        if !soft && lines.peek().is_some() {
            bytes.push(b'\n');
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

struct Shared {
    mode: Mutex<Mode>,
    received: Mutex<Vec<Received>>,
    connections: Mutex<usize>,
}

pub struct SmtpServer {
    port: u16,
    shared: Arc<Shared>,
    listener: Mutex<Option<JoinHandle<()>>>,
}

impl SmtpServer {
    /// Listens on a random port.
    pub async fn start() -> SmtpServer {
        let shared = Arc::new(Shared {
            mode: Mutex::new(Mode::Accept),
            received: Mutex::new(Vec::new()),
            connections: Mutex::new(0),
        });
        let (port, handle) = try_listen(0, shared.clone()).expect("listen for SMTP");
        SmtpServer {
            port,
            shared,
            listener: Mutex::new(Some(handle)),
        }
    }

    /// `smtp://127.0.0.1:<port>`, for `ADUAN_SMTP_URL`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn set_mode(&self, mode: Mode) {
        *self.shared.mode.lock().unwrap() = mode;
    }

    /// Closes the listening socket: connecting is refused, as when the
    /// server is down.
    pub fn stop(&self) {
        if let Some(handle) = self.listener.lock().unwrap().take() {
            handle.abort();
        }
    }

    /// Listens again on the same port.
    pub async fn restart(&self) {
        self.stop();
        // The aborted task drops its socket on its next poll.
        for _ in 0..50 {
            if let Ok((_, handle)) = try_listen(self.port, self.shared.clone()) {
                *self.listener.lock().unwrap() = Some(handle);
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        panic!("could not listen on port {} again", self.port);
    }

    /// Every message received so far.
    pub fn messages(&self) -> Vec<Received> {
        self.shared.received.lock().unwrap().clone()
    }

    /// The messages received for `address`.
    pub fn messages_to(&self, address: &str) -> Vec<Received> {
        self.messages()
            .into_iter()
            .filter(|m| m.to.iter().any(|to| to == address))
            .collect()
    }

    /// How many connections were made (refused ones too).
    pub fn connections(&self) -> usize {
        *self.shared.connections.lock().unwrap()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn try_listen(port: u16, shared: Arc<Shared>) -> std::io::Result<(u16, JoinHandle<()>)> {
    let socket = TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.bind(([127, 0, 0, 1], port).into())?;
    let listener = socket.listen(64)?;
    let port = listener.local_addr()?.port();
    let handle = tokio::spawn(async move {
        // Sessions under way when the server stops end with their connection.
        while let Ok((stream, _)) = listener.accept().await {
            *shared.connections.lock().unwrap() += 1;
            tokio::spawn(session(stream, shared.clone()));
        }
    });
    Ok((port, handle))
}

/// The address inside `MAIL FROM:<a@b> PARAM=...` or `RCPT TO:<a@b>`.
fn path_of(argument: &str) -> String {
    let argument = argument.trim();
    match (argument.find('<'), argument.find('>')) {
        (Some(open), Some(close)) if open < close => argument[open + 1..close].to_string(),
        _ => argument.split_whitespace().next().unwrap_or("").to_string(),
    }
}

async fn session(stream: TcpStream, shared: Arc<Shared>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    let mode = *shared.mode.lock().unwrap();
    if mode == Mode::RefuseAtConnect {
        let _ = write
            .write_all(b"421 aduan-test Service not available, try later\r\n")
            .await;
        return;
    }
    if write
        .write_all(b"220 aduan-test ESMTP ready\r\n")
        .await
        .is_err()
    {
        return;
    }
    let (mut from, mut to): (Option<String>, Vec<String>) = (None, Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        match lines.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let command = line.trim_end_matches(['\r', '\n']);
        let (verb, argument) = command.split_once(' ').unwrap_or((command, ""));
        let upper = verb.to_ascii_uppercase();
        let reply: String = match upper.as_str() {
            "EHLO" => "250-aduan-test greets you\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n".into(),
            "HELO" => "250 aduan-test\r\n".into(),
            "MAIL" if argument.to_ascii_uppercase().starts_with("FROM:") => {
                from = Some(path_of(&argument[5..]));
                to.clear();
                "250 OK\r\n".into()
            }
            "RCPT" if argument.to_ascii_uppercase().starts_with("TO:") => {
                if from.is_none() {
                    "503 MAIL first\r\n".into()
                } else {
                    to.push(path_of(&argument[3..]));
                    "250 OK\r\n".into()
                }
            }
            "DATA" if from.is_none() || to.is_empty() => "503 RCPT first\r\n".into(),
            "DATA" if *shared.mode.lock().unwrap() == Mode::RefuseAtData => {
                "451 Local error, try again later\r\n".into()
            }
            "DATA" => {
                if write
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await
                    .is_err()
                {
                    return;
                }
                let mut data = String::new();
                loop {
                    line.clear();
                    match lines.read_line(&mut line).await {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    // Dot-unstuffing: a line the client began with a dot got another.
                    data.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                let mut received = shared.received.lock().unwrap();
                received.push(Received {
                    from: from.take().unwrap_or_default(),
                    to: std::mem::take(&mut to),
                    data,
                });
                format!("250 OK queued as {}\r\n", received.len())
            }
            "RSET" => {
                from = None;
                to.clear();
                "250 OK\r\n".into()
            }
            "NOOP" => "250 OK\r\n".into(),
            "QUIT" => {
                let _ = write.write_all(b"221 Bye\r\n").await;
                return;
            }
            _ => "502 Command not implemented\r\n".into(),
        };
        if write.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::quoted_printable;

    #[test]
    fn quoted_printable_joins_soft_breaks_and_decodes_bytes() {
        assert_eq!(quoted_printable("7KQM-=\r\n4XHT"), "7KQM-4XHT");
        assert_eq!(quoted_printable("a=3Db\r\nc"), "a=b\nc");
        assert_eq!(quoted_printable("Caf=C3=A9"), "Café");
    }
}
