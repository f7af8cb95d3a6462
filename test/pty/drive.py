#!/usr/bin/env python3
"""Runs a command in a real pseudo-terminal and answers its prompts.

argv[1] is JSON: {"cmd": [...], "env": {...}, "steps": [[regex, keys], ...]}. For each step it
waits until the screen output (ANSI codes stripped) matches regex, then types keys. Prints JSON
{"output": ..., "code": ...} when the command ends.
"""
import json, os, pty, re, select, sys, time

spec = json.loads(sys.argv[1])
ANSI = re.compile(rb'\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r')

pid, fd = pty.fork()
if pid == 0:
    os.environ.update(spec.get('env', {}))
    os.execvp(spec['cmd'][0], spec['cmd'])

buf = b''

def pump(timeout):
    global buf
    r, _, _ = select.select([fd], [], [], timeout)
    if not r:
        return True
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return False
    if not chunk:
        return False
    buf += chunk
    return True

seen = 0
for pattern, keys in spec['steps']:
    deadline = time.time() + 20
    rx = re.compile(pattern.encode())
    while True:
        clean = ANSI.sub(b'', buf)
        m = rx.search(clean, seen)
        if m:
            seen = m.end()
            break
        if time.time() > deadline or not pump(0.2):
            teks = ANSI.sub(b'', buf).decode('utf-8', 'replace')
            print(json.dumps({'output': teks, 'code': None, 'waiting_for': pattern}))
            os.kill(pid, 9)
            sys.exit(0)
    time.sleep(0.05)
    os.write(fd, keys.encode())

while pump(5):
    pass
_, status = os.waitpid(pid, 0)
print(json.dumps({'output': ANSI.sub(b'', buf).decode('utf-8', 'replace'), 'code': os.waitstatus_to_exitcode(status)}))
