"""A small SMTP server on a loopback port, in a thread of the test process, that a test can make
refuse mail or stop listening. It speaks enough SMTP for smtplib (and so Django's SMTP backend):
EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. No aiosmtpd in the venv, so it is written here.

Modes: ACCEPT keeps each message; TEMPFAIL takes the message, then answers 451 (try again
later); REFUSE answers 550 to every recipient. `stop()` closes the port: connection refused.
"""

import email
import email.policy
import socketserver
import threading
from collections import Counter

from tests.portal.throwaway_postgres import free_port

ACCEPT, TEMPFAIL, REFUSE = "accept", "tempfail", "refuse"


class _Session(socketserver.StreamRequestHandler):
    def reply(self, *lines: str) -> None:
        self.wfile.write("".join(f"{line}\r\n" for line in lines).encode())

    def handle(self) -> None:
        smtp: SmtpServer = self.server.smtp
        smtp.note_connection()
        self.reply("220 faults.test ESMTP")
        recipients: list[str] = []
        while line := self.rfile.readline():
            command = line.decode("ascii", "replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.reply("250-faults.test", "250-8BITMIME", "250 SIZE 10240000")
            elif verb in ("HELO", "NOOP"):
                self.reply("250 OK")
            elif verb in ("MAIL", "RSET"):
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                if smtp.mode == REFUSE:
                    self.reply("550 5.1.1 Mailbox unavailable")
                else:
                    recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                    self.reply("250 OK")
            elif verb == "DATA":
                self.data(smtp, recipients)
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")

    def data(self, smtp: "SmtpServer", recipients: list[str]) -> None:
        if not recipients:
            self.reply("503 No recipients")
            return
        self.reply("354 End data with <CR><LF>.<CR><LF>")
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)
        if smtp.mode == TEMPFAIL:
            self.reply("451 4.3.0 Try again later")
            return
        smtp.keep(recipients, b"".join(lines))
        self.reply("250 OK: queued")


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True  # the same port again after stop(): the workers know it
    daemon_threads = True


class SmtpServer:
    """`start()`, `stop()`, `start()` again on the same port; `mode` may change at any time."""

    def __init__(self):
        self.port = free_port()
        self.mode = ACCEPT
        self.connections = 0
        self.messages: list[tuple[str, str]] = []  # (recipient, subject), one per delivery
        self._lock = threading.Lock()
        self._server: _Server | None = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def note_connection(self) -> None:
        with self._lock:
            self.connections += 1

    def keep(self, recipients: list[str], data: bytes) -> None:
        subject = str(email.message_from_bytes(data, policy=email.policy.default)["Subject"])
        with self._lock:
            self.messages += [(recipient, subject) for recipient in recipients]

    def counted(self) -> Counter:
        """How often each (recipient, subject) arrived."""
        with self._lock:
            return Counter(self.messages)

    def start(self) -> None:
        server = _Server(("127.0.0.1", self.port), _Session)
        server.smtp = self
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self._server = server

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
