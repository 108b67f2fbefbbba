"""Drives lede on a pseudo-terminal whose window size the test sets.

Usage: pty_drive.py BINARY SIZE [SIZE...]

SIZE is COLSxROWS. The pty starts at the first size (0x0: a pty with no
window size, as from a bare forkpty), and lede is started on it. After each
frame (a draw ends by hiding the cursor, ESC [?25l) the next size is set,
which sends SIGWINCH. Then `q` is typed and lede must end. Prints one JSON object: the exit
status, the output after each size, and the pty's line discipline after
exit (cooked mode restored or not). Waits are bounded polls, never sleeps.
"""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time

FRAME_END = b'\x1b[?25l'
PATIENCE = 20.0

args = sys.argv[1:]
binary, sizes = args[0], [tuple(int(v) for v in s.split('x')) for s in args[1:]]

pid, fd = pty.fork()
if pid == 0:
    os.environ['TERM'] = 'xterm-256color'
    os.execv(binary, [binary, '--no-remember'])

out = bytearray()


def set_size(cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))


def pump(done):
    end = time.time() + PATIENCE
    while not done():
        if time.time() > end:
            return False
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b''
            if not data:
                # The other end is closed: lede is ending; wait for it.
                while not done() and time.time() < end:
                    time.sleep(0.01)
                return done()
            out.extend(data)
    return True


def next_frame(since):
    return lambda: FRAME_END in out[since:]


set_size(*sizes[0])
steps = [{'size': list(sizes[0]), 'drawn': pump(next_frame(0)), 'text': ''}]
steps[0]['text'] = out.decode('utf-8', 'replace')
for cols, rows in sizes[1:]:
    before = len(out)
    set_size(cols, rows)
    drawn = pump(next_frame(before))
    steps.append({'size': [cols, rows], 'drawn': drawn,
                  'text': out[before:].decode('utf-8', 'replace')})
os.write(fd, b'q')
status = [None]


def ended():
    if status[0] is None:
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status[0] = os.waitstatus_to_exitcode(st)
    return status[0] is not None


pump(ended)


def drain():
    # lede may end before its last bytes (the screen given back) are read:
    # take what the pty still holds.
    while True:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            return
        try:
            data = os.read(fd, 65536)
        except OSError:
            return
        if not data:
            return
        out.extend(data)


drain()
if status[0] is None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
lflag = termios.tcgetattr(fd)[3]
print(json.dumps({
    'status': status[0],
    'steps': steps,
    'output': out.hex(),
    'cooked': {'icanon': bool(lflag & termios.ICANON),
               'echo': bool(lflag & termios.ECHO),
               'isig': bool(lflag & termios.ISIG)},
}))
