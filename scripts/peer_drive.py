#!/usr/bin/env python3
"""Times one terminal reader on a pseudo-terminal, through a terminal emulator.

Usage:
  peer_drive.py needles FILE    # the needles below for FILE, as JSON
  peer_drive.py table RUNS.jsonl   # one Markdown table from the runs
  peer_drive.py --first TEXT [--keys KEYS --found TEXT] [--quit KEYS]
                [--size 200x60] [--timeout S] [--dump PREFIX] -- CMD [ARG...]

The reader is started on a pty of the given size (TERM=xterm-256color). Every
byte it writes is timestamped the moment it is read (by a thread that does
nothing else, so the reader never blocks on a full pty) and fed, in order, to
pyte, a VT100/xterm emulator. A needle counts as shown when a row of the
*emulated screen* contains it: raw output proves nothing, since a TUI that
redraws by cell diffs never writes a line in one piece, and a line written
and then overwritten (a loading screen) never showed.

Measured, in milliseconds:
  first_byte  fork to the first byte written
  first       fork to the first screen showing --first (a line of the body)
  search      --keys typed (once the first screen has been quiet for
              --settle seconds) to the screen showing --found
and peak_kib, the peak resident memory (VmHWM) of the largest process in the
reader's tree (bat and its pager), read just before it is asked to quit.

Prints one JSON object. A step that does not happen within --timeout seconds
is null, with a note; the reader is then ended (quit keys, SIGTERM, SIGKILL).
Terminal queries the reader sends (device attributes, cursor position) are
answered as xterm would; others are listed under "queries" so a reader that
waits for an answer is seen.

The parsing helpers (keys, sizes) import nothing outside the standard library,
so their tests run without pyte: `python3 scripts/test_peer_drive.py`.
"""
import argparse
import fcntl
import json
import os
import queue
import re
import signal
import struct
import sys
import termios
import threading
import time

# Queries a terminal answers. A reader that sends one and waits for the
# answer is slower on a terminal that stays silent; listed in the output.
QUERIES = {
    'DA1': re.compile(rb'\x1b\[0?c'),
    'DA2': re.compile(rb'\x1b\[>0?c'),
    'DSR cursor': re.compile(rb'\x1b\[\??6n'),
    'OSC colour': re.compile(rb'\x1b\](?:1[01]|4;\d+);\?'),
    'window pixels': re.compile(rb'\x1b\[1[468]t'),
    'kitty graphics': re.compile(rb'\x1b_G'),
    'kitty keyboard': re.compile(rb'\x1b\[\?u'),
    'DECRQM': re.compile(rb'\x1b\[\?\d+\$p'),
    'XTVERSION': re.compile(rb'\x1b\[>0?q'),
}


# The longest wait for a quiet screen before searching: a reader that keeps
# drawing (a loading spinner) is searched while it does.
SETTLE_CAP = 10.0


def parse_keys(spec):
    r"""Keys as typed: `\r` Enter, `\e` Escape, `\t` Tab, `^X` Ctrl+X,
    `\\` and `\^` for themselves; everything else literally (UTF-8)."""
    out = bytearray()
    i = 0
    while i < len(spec):
        c = spec[i]
        if c == '\\' and i + 1 < len(spec):
            nxt = spec[i + 1]
            table = {'r': b'\r', 'n': b'\n', 'e': b'\x1b', 't': b'\t',
                     '\\': b'\\', '^': b'^'}
            if nxt not in table:
                raise ValueError(f'unknown escape \\{nxt} in keys {spec!r}')
            out += table[nxt]
            i += 2
        elif c == '^' and i + 1 < len(spec):
            letter = spec[i + 1].upper()
            if not ('@' <= letter <= '_'):
                raise ValueError(f'no control key ^{spec[i + 1]} in {spec!r}')
            out.append(ord(letter) - 64)
            i += 2
        else:
            out += c.encode('utf-8')
            i += 1
    return bytes(out)


def parse_size(spec):
    """`COLSxROWS` -> (cols, rows)."""
    m = re.fullmatch(r'(\d+)x(\d+)', spec)
    if not m or int(m.group(1)) == 0 or int(m.group(2)) == 0:
        raise ValueError(f'size must be COLSxROWS, got {spec!r}')
    return int(m.group(1)), int(m.group(2))


def queries_in(data):
    return sorted(name for name, rx in QUERIES.items() if rx.search(data))


# Markdown syntax a renderer would change, so no needle word holds it.
MARKUP = set('*_`[]<>|\\')
NUMBER = re.compile(r'\d{1,3}(?:,\d{3})+')


def first_needle(text, words=5):
    """A phrase of the first body paragraph (the first non-blank line after
    the title line): WORDS words from the fifth on, starting at a word that
    begins with a letter. From the fifth word, so it is not the dateline a
    reader may set apart; short, so a reader wrapping at 60 columns or more
    keeps it on one row. None if the text has no such line."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    body = [ln for ln in lines[1:] if not ln.startswith('#')]
    if not body:
        return None
    toks = body[0].split()
    for start in range(min(4, len(toks)), len(toks)):
        if toks[start][0].isalpha():
            phrase = toks[start:start + words]
            if len(phrase) == words and not any(c in MARKUP for w in phrase for c in w):
                return ' '.join(phrase)
    return None


def search_needle(data, tail=4000):
    """A number (`196,549`) written once in the whole file, in its last TAIL
    bytes, with a word beside it on the same line; the last such. Returns
    (number, [texts that show it found]): the number with its neighbour, so a
    search prompt echoing the number alone never counts. None if none."""
    text = data[-tail:].decode('utf-8', 'replace')
    best = None
    for line in text.splitlines():
        words = line.split()
        for i, w in enumerate(words):
            m = NUMBER.fullmatch(w.rstrip('.,;:'))
            if not m or data.count(m.group().encode()) != 1:
                continue
            num = m.group()
            found = []
            if i > 0 and not any(c in MARKUP for c in words[i - 1]):
                found.append(f'{words[i - 1]} {num}')
            if i + 1 < len(words) and w == num and not any(c in MARKUP for c in words[i + 1]):
                found.append(f'{num} {words[i + 1]}')
            if found:
                best = (num, found)
    return best


def needles(path):
    with open(path, 'rb') as f:
        data = f.read()
    head = data[:65536].decode('utf-8', 'replace')
    search = search_needle(data)
    return {'first': first_needle(head),
            'search': search[0] if search else None,
            'found': search[1] if search else []}


def fmt_ms(v):
    if v is None:
        return '-'
    return f'{v:.1f}' if v < 10 else f'{v:,.0f}'


def median(vs):
    vs = sorted(vs)
    if not vs:
        return None
    mid = len(vs) // 2
    return vs[mid] if len(vs) % 2 else (vs[mid - 1] + vs[mid]) / 2


def ratio(peer, lede):
    if peer is None or not lede:
        return '-'
    r = peer / lede
    return f'{r:.2f}x' if r < 1 else f'{r:.1f}x' if r < 100 else f'{r:,.0f}x'


def table(records):
    """One Markdown table from the runs (JSON objects with file, reader,
    first_ms, search_ms, peak_kib, notes): medians, (min), peer / lede."""
    groups = {}
    for r in records:
        groups.setdefault((r['file'], r['reader']), []).append(r)
    rows = []
    lede = {}
    for (file, reader), runs in groups.items():
        firsts = [r['first_ms'] for r in runs if r.get('first_ms') is not None]
        searches = [r['search_ms'] for r in runs if r.get('search_ms') is not None]
        peaks = [r['peak_kib'] for r in runs if r.get('peak_kib') is not None]
        notes = []
        for r in runs:
            for n in r.get('notes', []):
                if n not in notes:
                    notes.append(n)
        row = {'file': file, 'reader': runs[0].get('label', reader), 'key': reader,
               'first': median(firsts), 'first_min': min(firsts, default=None),
               'search': median(searches), 'search_min': min(searches, default=None),
               'peak': median(peaks), 'runs': len(runs), 'notes': notes}
        if reader == 'lede':
            lede[file] = row
        rows.append(row)
    out = ['| file | reader | first screen ms | peer / lede | search near the end ms'
           ' | peer / lede | peak MB | runs | notes |',
           '|---|---|---:|---:|---:|---:|---:|---:|---|']
    for row in rows:
        base = lede.get(row['file'], {})
        first = ('timeout' if row['first'] is None else
                 f"{fmt_ms(row['first'])} ({fmt_ms(row['first_min'])})")
        search = ('-' if row['search'] is None else
                  f"{fmt_ms(row['search'])} ({fmt_ms(row['search_min'])})")
        peak = '-' if row['peak'] is None else f"{row['peak'] * 1024 / 1e6:,.0f}"
        out.append(f"| {row['file']} | {row['reader']} | {first} | "
                   f"{ratio(row['first'], base.get('first'))} | {search} | "
                   f"{ratio(row['search'], base.get('search'))} | {peak} | {row['runs']} | "
                   f"{'; '.join(row['notes'])} |")
    return '\n'.join(out)


def tree_peak_kib(root):
    """The largest VmHWM (peak resident KiB of the program now running) in
    ROOT's process tree, or None. Not ru_maxrss: Linux carries the high-water
    mark of the image before exec into it, and the child starts as a copy of
    this Python process (about 13 MB that a small reader never used)."""
    parents = {}
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                with open(f'/proc/{entry}/stat', 'rb') as f:
                    stat = f.read()
                parents[int(entry)] = int(stat[stat.rindex(b')') + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, ppid in parents.items() if ppid in tree} - tree
        tree |= more
        grew = bool(more)
    peak = None
    for pid in tree:
        try:
            with open(f'/proc/{pid}/status') as f:
                for line in f:
                    if line.startswith('VmHWM:'):
                        kib = int(line.split()[1])
                        peak = kib if peak is None else max(peak, kib)
        except (OSError, ValueError):
            continue
    return peak


def spawn(argv, cols, rows):
    """Fork ARGV on a new pty of COLSxROWS (the size is set before the fork,
    so the reader's first look at it is right). Returns (pid, master fd)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    env = dict(os.environ)
    env['TERM'] = 'xterm-256color'
    env['COLUMNS'], env['LINES'] = str(cols), str(rows)
    # The same pager for everyone, with no user options, no history file.
    for var in ('LESS', 'PAGER', 'BAT_PAGER', 'LESSOPEN', 'LESSCLOSE'):
        env.pop(var, None)
    env['LESSHISTFILE'] = '-'
    pid = os.fork()
    if pid == 0:
        try:
            os.close(master)
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            if slave > 2:
                os.close(slave)
            os.execvpe(argv[0], argv, env)
        except OSError as e:
            os.write(2, f'peer_drive: cannot run {argv[0]}: {e}\n'.encode())
        os._exit(127)
    os.close(slave)
    return pid, master


class Run:
    def __init__(self, args):
        import pyte  # only the run needs it; the parsing helpers do not

        self.args = args
        cols, rows = args.size
        run = self

        class Screen(pyte.Screen):
            # Answers DA and cursor-position queries as a terminal would.
            def write_process_input(self, data):
                if args.silent:
                    return
                try:
                    os.write(run.fd, data.encode())
                except OSError:
                    pass

        # Everything is ready before the clock starts, and the reading thread
        # runs at once: a read that waits on setup would be timed late.
        self.screen = Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.chunks = queue.Queue()
        self.raw_head = bytearray()  # the first bytes, for the query list
        self.first_byte = None
        self.closed = False
        self.t0 = time.monotonic()
        self.pid, self.fd = spawn(args.command, cols, rows)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        while True:
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                data = b''
            self.chunks.put((time.monotonic(), data))
            if not data:
                return

    def ms(self, t, since=None):
        return round((t - (self.t0 if since is None else since)) * 1000, 1)

    def rows(self, which=None):
        buf = self.screen.buffer
        cols = self.screen.columns
        ys = range(self.screen.lines) if which is None else which
        return {y: ''.join(buf[y][x].data for x in range(cols)) for y in ys}

    def feed_until(self, found, deadline):
        """Feeds output until FOUND(rows changed) is true; returns the time the
        chunk that made it true was read, or None at the deadline or EOF."""
        while not self.closed:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                t, data = self.chunks.get(timeout=min(left, 0.5))
            except queue.Empty:
                continue
            if not data:
                self.closed = True
                return None
            if self.first_byte is None:
                self.first_byte = t
            if len(self.raw_head) < 1 << 16:
                self.raw_head += data[: (1 << 16) - len(self.raw_head)]
            self.stream.feed(data)
            dirty = self.screen.dirty
            changed = self.rows(sorted(dirty))
            dirty.clear()
            if found(changed):
                return t
        return None

    def settle(self, quiet, cap):
        """Feeds output until none came for QUIET seconds (at most CAP)."""
        end = time.monotonic() + cap
        while not self.closed and time.monotonic() < end:
            try:
                _, data = self.chunks.get(timeout=quiet)
            except queue.Empty:
                return
            if not data:
                self.closed = True
                return
            self.stream.feed(data)
        self.screen.dirty.clear()

    def dump(self, suffix):
        if self.args.dump:
            with open(f'{self.args.dump}.{suffix}.txt', 'w', encoding='utf-8') as f:
                f.write('\n'.join(r.rstrip() for r in self.rows().values()) + '\n')

    def finish(self):
        """Quits the reader (keys, then signals) and reaps it: exit status,
        peak KiB (read just before quitting: a high-water mark), signal."""
        status = None
        peak = tree_peak_kib(self.pid)
        try:
            os.write(self.fd, parse_keys(self.args.quit))
        except OSError:
            pass
        for sig, wait in ((None, 3.0), (signal.SIGTERM, 2.0), (signal.SIGKILL, 5.0)):
            if sig is not None:
                try:
                    os.killpg(self.pid, sig)
                except OSError:
                    pass
            end = time.monotonic() + wait
            while time.monotonic() < end:
                # Keep reading, or a reader blocked on a full pty never quits.
                self.settle(0.02, 0.05)
                pid, st, ru = os.wait4(self.pid, os.WNOHANG)
                if pid:
                    status = os.waitstatus_to_exitcode(st)
                    try:
                        os.close(self.fd)
                    except OSError:
                        pass
                    # ru_maxrss only where /proc is not (it overstates).
                    return status, peak if peak is not None else ru.ru_maxrss, sig
        return status, peak, signal.SIGKILL


def measure(args):
    run = Run(args)
    out = {'first_byte_ms': None, 'first_ms': None, 'search_ms': None,
           'peak_kib': None, 'notes': list(args.note)}
    deadline = run.t0 + args.timeout
    t = run.feed_until(lambda rows: any(args.first in r for r in rows.values()), deadline)
    if t is None:
        out['notes'].append('timeout' if not run.closed else 'ended before the first screen')
    else:
        out['first_ms'] = run.ms(t)
        run.dump('first')
    if t is not None and args.keys:
        run.settle(args.settle, SETTLE_CAP)
        def found(rows):
            return any(f in r for f in args.found for r in rows.values())

        if found(run.rows()):
            out['notes'].append('search target already on screen before the search')
        else:
            run.screen.dirty.clear()
            sent = time.monotonic()
            os.write(run.fd, parse_keys(args.keys))
            # Timed from the keys, whatever the reader still does in the background.
            ts = run.feed_until(found, sent + args.timeout)
            if ts is None:
                out['notes'].append('search: timeout' if not run.closed else 'search: ended')
                run.dump('search-timeout')
            else:
                out['search_ms'] = run.ms(ts, sent)
                run.dump('search')
    if run.first_byte is not None:
        out['first_byte_ms'] = run.ms(run.first_byte)
    out['queries'] = queries_in(bytes(run.raw_head))
    status, peak, sig = run.finish()
    out['exit'] = status
    out['peak_kib'] = peak
    if sig is not None:
        out['notes'].append(f'quit key ignored, ended by {signal.Signals(sig).name}')
    return out


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ['needles'] and len(argv) == 2:
        print(json.dumps(needles(argv[1]), ensure_ascii=False))
        return
    if argv[:1] == ['table'] and len(argv) == 2:
        with open(argv[1], encoding='utf-8') as f:
            print(table([json.loads(ln) for ln in f if ln.strip()]))
        return
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--first', required=True, help='text of the first screen (body)')
    p.add_argument('--keys', default='', help='search keys (see parse_keys)')
    p.add_argument('--found', action='append', default=[],
                   help='text the search must bring on screen (repeat: any of them)')
    p.add_argument('--quit', default='q', help='keys that quit the reader')
    p.add_argument('--size', type=parse_size, default=(200, 60))
    p.add_argument('--timeout', type=float, default=90.0, help='seconds per step')
    p.add_argument('--settle', type=float, default=0.3,
                   help='quiet seconds after the first screen before searching')
    p.add_argument('--silent', action='store_true',
                   help='answer no terminal query (as a bare pty: shows who waits for one)')
    p.add_argument('--note', action='append', default=[], help='a note to pass through')
    p.add_argument('--dump', help='write the emulated screen at each match to PREFIX.*.txt')
    p.add_argument('command', nargs='+')
    args = p.parse_args(argv)
    if args.keys and not args.found:
        p.error('--keys needs --found')
    sys.setswitchinterval(0.0005)  # the reading thread timestamps promptly
    print(json.dumps(measure(args)))


if __name__ == '__main__':
    main()
