package deletionrequestprocessor // import "github.com/optel/optel-otelcol/deletionrequestprocessor"

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
)

// Record is one line of the file an operator acts on.
type Record struct {
	InstallationID string `json:"installation_id"`
	ServiceName    string `json:"service_name"`
	RequestedAt    string `json:"requested_at,omitempty"`
	ReceivedAt     string `json:"received_at"`
}

// errFull: the file holds max_pending requests an operator has not processed yet.
var errFull = errors.New("the deletion-request file is full until an operator processes it")

// ledger appends records to a file, once per installation id, up to a bound. When an operator
// moves the file aside (or empties it) the ledger notices on the next append and starts afresh.
type ledger struct {
	mu      sync.Mutex
	path    string
	max     int
	file    *os.File
	info    os.FileInfo // of the open file, to notice it being moved or truncated
	ids     map[string]struct{}
	pending int
}

func newLedger(path string, max int) *ledger {
	return &ledger{path: path, max: max}
}

// append writes r unless its id is already pending. It returns whether it wrote.
func (l *ledger) append(r Record) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.open(); err != nil {
		return false, err
	}
	if _, seen := l.ids[r.InstallationID]; seen {
		return false, nil
	}
	if l.pending >= l.max {
		return false, errFull
	}
	line, err := json.Marshal(r)
	if err != nil {
		return false, err
	}
	if _, err := l.file.Write(append(line, '\n')); err != nil {
		return false, err
	}
	// Acknowledged means on disk: the client forgets the request once it is told it arrived.
	if err := l.file.Sync(); err != nil {
		return false, err
	}
	l.ids[r.InstallationID] = struct{}{}
	l.pending++
	if st, err := l.file.Stat(); err == nil {
		l.info = st
	}
	return true, nil
}

// open (re)opens the file when it is not open, or when what is at the path is no longer the file
// that is open (moved aside or replaced) or is shorter than what was written (emptied).
func (l *ledger) open() error {
	if l.file != nil {
		st, err := os.Stat(l.path)
		if err == nil && os.SameFile(st, l.info) && st.Size() >= l.info.Size() {
			return nil
		}
		_ = l.file.Close()
		l.file = nil
	}
	if err := os.MkdirAll(filepath.Dir(l.path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(l.path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	// A file created by someone else with wider permissions is narrowed: it holds installation ids.
	if err := f.Chmod(0o600); err != nil {
		_ = f.Close()
		return err
	}
	ids := map[string]struct{}{}
	pending := 0
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 64*1024), 1024*1024)
	for scanner.Scan() {
		var r Record
		if json.Unmarshal(scanner.Bytes(), &r) == nil && r.InstallationID != "" {
			ids[r.InstallationID] = struct{}{}
		}
		pending++
	}
	if err := scanner.Err(); err != nil {
		_ = f.Close()
		return err
	}
	st, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return err
	}
	l.file, l.info, l.ids, l.pending = f, st, ids, pending
	return nil
}

func (l *ledger) close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.file == nil {
		return nil
	}
	err := l.file.Close()
	l.file = nil
	return err
}
