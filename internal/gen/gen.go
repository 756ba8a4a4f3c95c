// Package gen generates large synthetic evidence bundles for benchmarks: the evidence of a
// fictional company of any size, deterministic from a seed, valid against the schemas, with
// every reference resolving and a few percent of realistic gaps (leavers whose accounts stay
// enabled, findings past their deadline, accounts without MFA, stale access reviews ...).
//
// Records are written as YAML text directly, without a YAML library, so that a bundle of a
// million records takes seconds.
package gen

import (
	"cmp"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/annexa-dev/annexa/internal/bundle"
)

// Options choose the size and shape of the generated bundle.
type Options struct {
	// Records is the number of records to aim for, the Base records included; the result
	// holds about this many (within a few percent).
	Records int
	// Seed makes the output reproducible: the same seed (and Base) gives the same bytes.
	Seed int64
	// SingleFile writes every generated record into one multi-document file,
	// generated/all.yaml, instead of spreading them over many files.
	SingleFile bool
	// Base is an existing bundle to build on (for example os.DirFS("evidence")): its files
	// are copied unchanged and the generated records reference its people, roles, documents,
	// systems and suppliers. Without it a minimal governance core is generated.
	Base fs.FS
}

// File is one file of the generated bundle.
type File struct {
	Path string // slash-separated, relative to the bundle folder
	Data []byte
}

// SingleFilePath is where SingleFile writes the generated records.
const SingleFilePath = "generated/all.yaml"

// Generate returns the files of a synthetic bundle, sorted by path.
func Generate(opts Options) ([]File, error) {
	if opts.Records <= 0 {
		return nil, fmt.Errorf("records must be a positive number, got %d", opts.Records)
	}
	g := newGen(opts)
	if opts.Base != nil {
		if err := g.loadBase(opts.Base); err != nil {
			return nil, err
		}
	}
	g.run()
	return g.out.result(), nil
}

// ---------------------------------------------------------------------------------------
// Dates

// day counts days since 1970-01-01 (UTC).
type day int32

func mkday(y int, m time.Month, d int) day {
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

var (
	winStart = mkday(2025, time.January, 1)   // first day of the generated history
	asOf     = mkday(2026, time.November, 30) // the as-of date benchmarks use
	observed = asOf - 1                       // the day the collectors last ran
)

func (d day) time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

func (d day) year() int { return d.time().Year() }

func (d day) ym() (int, int) {
	t := d.time()
	return t.Year(), int(t.Month())
}

func parseDay(v any) day {
	s, _ := v.(string)
	if len(s) < 10 {
		return 0
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return 0
	}
	return day(t.Unix() / 86400)
}

const (
	tableFirst = day(10957) // 2000-01-01
	tableDays  = 16000
)

var dateTable = sync.OnceValue(func() []byte {
	b := make([]byte, 0, tableDays*10)
	for i := range tableDays {
		b = (tableFirst + day(i)).time().AppendFormat(b, "2006-01-02")
	}
	return b
})

func appendDate(b []byte, d day) []byte {
	if i := int(d - tableFirst); i >= 0 && i < tableDays {
		t := dateTable()
		return append(b, t[i*10:i*10+10]...)
	}
	return d.time().AppendFormat(b, "2006-01-02")
}

func dateString(d day) string { return string(appendDate(nil, d)) }

func minDay(a, b day) day { return min(a, b) }
func maxDay(a, b day) day { return max(a, b) }

// ---------------------------------------------------------------------------------------
// YAML writing

// w appends YAML text. Nested values are written as flow mappings and sequences, the way
// the example bundle writes them.
type w struct{ b []byte }

func (w *w) raw(s string)    { w.b = append(w.b, s...) }
func (w *w) str(s string)    { w.b = appendScalar(w.b, s) }
func (w *w) date(d day)      { w.b = appendDate(w.b, d) }
func (w *w) int(n int)       { w.b = strconv.AppendInt(w.b, int64(n), 10) }
func (w *w) bool(v bool)     { w.b = strconv.AppendBool(w.b, v) }
func (w *w) float(f float64) { w.b = strconv.AppendFloat(w.b, f, 'f', -1, 64) }

// ts writes a timestamp: the day plus sec seconds, in UTC.
func (w *w) ts(d day, sec int) {
	sec = min(max(sec, 0), 86399)
	w.b = appendDate(w.b, d)
	w.b = append(w.b, 'T')
	w.b = append2(w.b, sec/3600)
	w.b = append(w.b, ':')
	w.b = append2(w.b, sec/60%60)
	w.b = append(w.b, ':')
	w.b = append2(w.b, sec%60)
	w.b = append(w.b, 'Z')
}

func append2(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }

// ref writes a reference Kind/id.
func (w *w) ref(kind, id string) {
	if plainID(id) {
		w.b = append(w.b, kind...)
		w.b = append(w.b, '/')
		w.b = append(w.b, id...)
		return
	}
	w.str(kind + "/" + id)
}

// hex writes a hexadecimal value (a digest, a serial number), quoted when YAML would read it
// as a number: when it has no letter other than e.
func (w *w) hex(s string) {
	if strings.ContainsAny(s, "abcdfABCDF") {
		w.b = append(w.b, s...)
		return
	}
	w.b = strconv.AppendQuote(w.b, s)
}

func (w *w) key(k string) { w.b = append(w.b, k...); w.b = append(w.b, ": "...) }
func (w *w) nl()          { w.b = append(w.b, '\n') }

func (w *w) kv(k, v string)             { w.key(k); w.str(v); w.nl() }
func (w *w) kref(k, kind, id string)    { w.key(k); w.ref(kind, id); w.nl() }
func (w *w) kdate(k string, d day)      { w.key(k); w.date(d); w.nl() }
func (w *w) kint(k string, n int)       { w.key(k); w.int(n); w.nl() }
func (w *w) kbool(k string, v bool)     { w.key(k); w.bool(v); w.nl() }
func (w *w) kts(k string, d day, s int) { w.key(k); w.ts(d, s); w.nl() }

// refs writes a flow sequence of references to one kind.
func (w *w) refs(kind string, ids []string) {
	w.b = append(w.b, '[')
	for i, id := range ids {
		if i > 0 {
			w.b = append(w.b, ", "...)
		}
		w.ref(kind, id)
	}
	w.b = append(w.b, ']')
}

// strs writes a flow sequence of strings.
func (w *w) strs(ss []string) {
	w.b = append(w.b, '[')
	for i, s := range ss {
		if i > 0 {
			w.b = append(w.b, ", "...)
		}
		w.str(s)
	}
	w.b = append(w.b, ']')
}

func plainID(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return s != ""
}

// appendScalar writes s as a plain scalar when YAML reads it back as the same string in
// both block and flow context, and double-quoted otherwise.
func appendScalar(b []byte, s string) []byte {
	if plainOK(s) {
		return append(b, s...)
	}
	return strconv.AppendQuote(b, s)
}

func plainOK(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '.' || c == '_' || c == '-' || c == '/' || c == '@' || c == '(' || c == ')' || c == '+':
		case c == ' ':
			if i == len(s)-1 || s[i+1] == ' ' || s[i+1] == '-' {
				return false
			}
		default:
			return false
		}
	}
	if len(s) <= 5 {
		switch strings.ToLower(s) {
		case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------------------------------
// Output files

type fileBuf struct {
	w
	docs int
}

type output struct {
	single    bool
	header    string
	files     map[string]*fileBuf
	base      []File
	basePaths map[string]bool
}

// doc starts a new document in the file at p (a multi-document file grows one document at a
// time); header is the comment written once at the top of a new file.
func (o *output) doc(p, header string) *w {
	if o.single {
		p, header = SingleFilePath, o.header
	} else if o.basePaths[p] {
		p = "generated/" + p
	}
	f := o.files[p]
	if f == nil {
		f = &fileBuf{}
		o.files[p] = f
		f.raw(header)
	}
	if f.docs > 0 {
		f.raw("---\n")
	}
	f.docs++
	return &f.w
}

func (o *output) result() []File {
	out := make([]File, 0, len(o.base)+len(o.files))
	out = append(out, o.base...)
	for p, f := range o.files {
		out = append(out, File{Path: p, Data: f.b})
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// ---------------------------------------------------------------------------------------
// The organisation model

type person struct {
	id      string
	name    string
	dept    int // index into depts
	title   string
	emp     string
	start   day
	end     day // 0 while employed
	manager string
	roles   []roleSpan
	level   int // 0 member, 1 team lead, 2 head of department, 3 executive
	hris    int
	forgot  bool // a leaver whose accounts were (partly) never disabled
	base    bool // a person of the base bundle (not written)
}

type roleSpan struct {
	role     string
	from, to day
	by       string
}

func (p *person) activeOn(d day) bool { return p.start <= d && (p.end == 0 || p.end > d) }

func (p *person) holds(role string, d day) bool {
	for _, r := range p.roles {
		if r.role == role && r.from <= d && (r.to == 0 || r.to >= d) {
			return true
		}
	}
	return false
}

type comp struct {
	course string
	renew  int
}

type roleDef struct {
	id, title, category string
	privileged          bool
	screening           string
	minHolders          int
	courses             []comp
	resp                []string
	base                bool
}

type docDef struct {
	id, title, docType, topic, version string
	published                          day
	ack                                bool // acknowledged by every active person
	courseType                         string
	levels                             []string
	flags                              string // content_flags, a flow mapping
	base                               bool
}

type system struct {
	id, title string
	supplier  string
	owner     string
	custodian string
	kind      string // idp, saas, vcs, cloud, app
	dept      int    // owning department for department tools, -1 for company-wide systems
	base      bool
	inService day
	share     float64 // share of the owning department with an account (department tools)
	accts     []int32
	priv      bool // has privileged accounts
	stale     bool // its recent access reviews were skipped
}

type acct struct {
	id       string
	sys      int32
	holder   int32 // index into g.people, -1 for non-human accounts
	owner    string
	typ      string
	priv     bool
	ent      string // the entitlements, a flow sequence
	ext      string
	mfa      string // webauthn, push, sso-enforced, off, or "" for none
	created  day
	disabled day
	login    day
	rotated  day
	apprBy   string
	apprOn   day
	purpose  string
	ticket   int
	base     bool
}

type deptDef struct {
	id, name string
	share    float64
	role     string
	head     string
	titles   []string
	tech     bool
	apps     []string
}

var depts = []deptDef{
	{"engineering", "Engineering", 0.30, "engineer", "VP Engineering",
		[]string{"Software Engineer", "Senior Software Engineer", "Staff Engineer", "Site Reliability Engineer", "QA Engineer", "Frontend Engineer", "Backend Engineer", "Platform Engineer"}, true,
		[]string{"datadog", "pagerduty", "sentry", "circleci", "launchdarkly", "snyk", "postman", "terraform-cloud"}},
	{"customer-support", "Customer Support", 0.14, "support-agent", "Head of Customer Support",
		[]string{"Support Agent", "Senior Support Agent", "Support Specialist", "Technical Support Engineer"}, false,
		[]string{"zendesk", "statuspage", "intercom", "aircall"}},
	{"sales", "Sales", 0.14, "sales-rep", "VP Sales",
		[]string{"Account Executive", "Sales Development Representative", "Solutions Consultant", "Account Manager"}, false,
		[]string{"salesforce", "gong", "outreach", "docusign", "highspot"}},
	{"marketing", "Marketing", 0.06, "marketing-specialist", "VP Marketing",
		[]string{"Marketing Manager", "Content Marketer", "Product Marketing Manager", "Designer"}, false,
		[]string{"hubspot", "figma", "canva", "webflow", "semrush"}},
	{"product", "Product", 0.06, "product-manager", "VP Product",
		[]string{"Product Manager", "Senior Product Manager", "Product Designer", "UX Researcher"}, true,
		[]string{"productboard", "amplitude", "miro", "dovetail"}},
	{"data-science", "Data Science", 0.05, "ml-engineer", "Head of Data Science",
		[]string{"Data Scientist", "Machine Learning Engineer", "Data Engineer", "Analytics Engineer"}, true,
		[]string{"snowflake", "databricks", "tableau", "dbt-cloud", "weights-and-biases"}},
	{"finance", "Finance", 0.04, "finance-analyst", "CFO",
		[]string{"Financial Analyst", "Accountant", "Controller", "Payroll Specialist"}, false,
		[]string{"netsuite", "expensify", "bill-com", "adaptive-planning"}},
	{"people", "People", 0.03, "people-ops", "Chief People Officer",
		[]string{"People Partner", "Recruiter", "People Operations Specialist", "Learning Specialist"}, false,
		[]string{"greenhouse", "lattice", "culture-amp"}},
	{"it", "IT", 0.04, "it-admin", "Head of IT",
		[]string{"IT Administrator", "IT Support Engineer", "Systems Administrator", "Identity Engineer"}, true,
		[]string{"jamf", "crowdstrike-console", "1password", "kandji"}},
	{"security", "Security", 0.03, "security-analyst", "CISO",
		[]string{"Security Engineer", "Security Analyst", "Application Security Engineer", "GRC Specialist"}, true,
		[]string{"wiz", "splunk-cloud", "tines", "hackerone"}},
	{"legal", "Legal", 0.02, "legal-counsel", "General Counsel",
		[]string{"Legal Counsel", "Paralegal", "Privacy Counsel", "Contract Manager"}, false,
		[]string{"ironclad", "onetrust"}},
	{"operations", "Operations", 0.09, "operations-specialist", "COO",
		[]string{"Operations Specialist", "Business Analyst", "Program Manager", "Facilities Coordinator"}, false,
		[]string{"asana", "smartsheet", "monday", "envoy"}},
}

// execDept is the department index of the executive team.
var execDept = len(depts)

var (
	firstNames = strings.Fields(`anna ben clara david emma felix greta hugo ida jonas karla leon
		mia noah olga paul quinn rosa sam tara uwe vera will xenia yusuf zoe aaron bianca carlos dana
		elif farah gabriel hana igor jana kai lara marco nina oscar petra rafael sara tomas ulla
		valentin wanda yara zeynep adam beatriz chen dmitri esther fatima giulia henrik ines jakub
		kenji lucia mateo nadia omar priya ravi sofia theo amira bruno chiara dario elena filip
		hassan isabel joao katja lukas maja nils oliwia pedro rania stefan tuula viktor amelie
		boris cem daria enzo frida goran helga ilya jasmin kofi lena milan nora otto pia rahel
		selin timo ugo vanja wiebke aylin bo cosmin dilan eero fleur gustav hilde ivo jette`)
	lastNames = strings.Fields(`schmidt mueller weber fischer becker hoffmann schulz koch richter
		wolf klein neumann schwarz braun zimmermann hartmann krueger lange werner krause meier
		lehmann kaiser fuchs peters lang scholz jung hahn vogel friedrich keller guenther frank
		berger winkler roth beck lorenz baumann franke albrecht schuster simon ludwig boehm winter
		kraus martin schumacher kraemer vogt stein jaeger otto sommer gross seidel heinrich brandt
		haas schreiber graf dietrich ziegler kuhn pohl engel horn busch bergmann thomas voigt sauer
		arnold wolff pfeiffer rossi bianchi garcia martinez silva santos novak kowalski nowak
		horvat dubois laurent moreau jensen nielsen hansen larsen andersen johansson lindberg
		virtanen korhonen murphy kelly walsh oconnor smith jones taylor brown wilson evans khan
		ali yilmaz demir kaya sahin celik ozturk popescu ionescu petrov ivanov novikova tanaka
		suzuki kim park lee nguyen tran singh patel sharma gupta okafor mensah`)
	serviceWords = strings.Fields(`billing invoice ledger payments checkout catalog search
		identity auth notifications reporting analytics ingest export scheduler webhook media
		pricing quote contract audit inventory orders shipping tax subscriptions usage metering
		tenant workspace tickets routing sla knowledge chat voice email sms feedback survey
		forecast recommendations ranking profile consent retention archive backup mailer pdf
		documents signing calendar booking geo translation moderation fraud risk compliance`)
	serviceSuffixes = strings.Fields(`api service worker gateway sync processor engine store
		hub ui admin console pipeline indexer`)
	vendorHeads = strings.Fields(`north blue bright clear data sky swift prime core delta terra
		nova vertex quant omni pixel cloud iron silver green river stone peak harbor`)
	vendorTails = strings.Fields(`works labs soft ware grid stack logic point line base flow sys
		hub tech metrics ops`)
)

// ---------------------------------------------------------------------------------------
// The generator

type gen struct {
	opts Options
	r    *rand.Rand
	out  *output

	// base bundle
	hasBase    bool
	baseCount  int
	baseRefs   map[string]bool
	baseMS     bool
	domain     string
	company    string
	office     string // Site id of the main office
	region     string // cloud region name
	regionSite string
	siem       string // Asset id of the central log store
	aiSystems  []string
	msIDs      []string // ManagementSystem ids
	channel    string   // inbound CommsChannel for security event reports

	roles    map[string]*roleDef
	roleList []string
	docs     map[string]*docDef
	docList  []string

	people   []*person
	personID map[string]int32 // generated and base people by id
	usedPID  map[string]int
	lead     map[string]string // function → person id
	leadRole map[string]string // function → role the leader holds for it

	deptMembers   [][]int32
	teamLeads     []int32
	itAdmins      []int32
	security      []int32
	engineers     []int32
	dataScience   []int32
	changeApprove []string
	incidentLeads []string
	responders    []int32 // holders of incident-responder

	suppliers    map[string]bool
	keySuppliers []string // generated suppliers of high or critical criticality
	systems      []*system
	sysIndex     map[string]int
	accts        []acct
	endpoints    []string // endpoint Asset ids

	// infrastructure
	services   []*service
	scan       []scanAsset // scannable assets (servers, applications, data stores)
	repos      []scanAsset
	prodApps   []scanAsset
	dataStores []scanAsset
	risks      []string

	n       int            // generated records
	counts  map[string]int // generated records by kind
	batch   map[string]int // documents written per batched file prefix
	hris    int
	ticket  int
	founded day // the first day of the organisation: no one starts earlier
}

func newGen(opts Options) *gen {
	seed := uint64(opts.Seed)
	g := &gen{
		opts: opts,
		r:    rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		out: &output{single: opts.SingleFile, files: map[string]*fileBuf{}, basePaths: map[string]bool{},
			header: fmt.Sprintf("# Synthetic evidence generated by annexa gen (seed %d, about %d records).\n", opts.Seed, opts.Records)},
		baseRefs:  map[string]bool{},
		roles:     map[string]*roleDef{},
		docs:      map[string]*docDef{},
		personID:  map[string]int32{},
		usedPID:   map[string]int{},
		lead:      map[string]string{},
		leadRole:  map[string]string{},
		suppliers: map[string]bool{},
		sysIndex:  map[string]int{},
		counts:    map[string]int{},
		batch:     map[string]int{},
		hris:      100000,
		ticket:    20000,
		domain:    "altavia.example",
		company:   "Altavia",
		region:    "eu-central-1",
		founded:   mkday(2014, 1, 6),
	}
	g.deptMembers = make([][]int32, len(depts)+1)
	return g
}

// random helpers

func (g *gen) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return g.r.IntN(n)
}

// between returns a number in [a, b].
func (g *gen) between(a, b int) int {
	if b <= a {
		return a
	}
	return a + g.r.IntN(b-a+1)
}

func (g *gen) dayIn(a, b day) day { return day(g.between(int(a), int(b))) }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) pick(ss []string) string { return ss[g.intn(len(ss))] }

func (g *gen) hex(n int) string {
	const digits = "0123456789abcdef"
	b := make([]byte, n)
	var x uint64
	for i := range b {
		if i%16 == 0 {
			x = g.r.Uint64()
		}
		b[i] = digits[x&15]
		x >>= 4
	}
	return string(b)
}

// rec starts a record of kind with id in the file at p.
func (g *gen) rec(p, header, kind, id string) *w {
	g.n++
	g.counts[kind]++
	w := g.out.doc(p, header)
	w.raw("kind: ")
	w.raw(kind)
	w.raw("\nid: ")
	w.str(id)
	w.nl()
	return w
}

// batched returns the path of the current batch file for prefix, size documents a file.
func (g *gen) batched(prefix string, size int) string {
	n := g.batch[prefix]
	g.batch[prefix] = n + 1
	return prefix + "-" + pad(n/size+1, 3) + ".yaml"
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	if len(s) < width {
		s = strings.Repeat("0", width-len(s)) + s
	}
	return s
}

// uniq returns id, changed when the base bundle already has a record Kind/id.
func (g *gen) uniq(kind, id string) string {
	if !g.hasBase {
		return id
	}
	for g.baseRefs[kind+"/"+id] {
		id += "-g"
	}
	return id
}

func (g *gen) have(kind, id string) bool { return g.baseRefs[kind+"/"+id] }

// ---------------------------------------------------------------------------------------
// Base bundle

func (g *gen) loadBase(fsys fs.FS) error {
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") || !d.Type().IsRegular() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		g.out.base = append(g.out.base, File{Path: p, Data: data})
		g.out.basePaths[p] = true
		return nil
	})
	if err != nil {
		return fmt.Errorf("read base bundle: %w", err)
	}
	b, _, err := bundle.Load(fsys, bundle.Options{})
	if err != nil {
		return fmt.Errorf("load base bundle: %w", err)
	}
	g.hasBase = true
	g.baseCount = len(b.Records)
	g.founded = 0
	var topMgmt []string
	for _, r := range b.Records {
		g.baseRefs[r.Ref()] = true
		v := r.Value
		switch r.Kind {
		case "ManagementSystem":
			g.baseMS = true
			g.msIDs = append(g.msIDs, r.ID)
			for _, x := range list(v, "top_management") {
				topMgmt = append(topMgmt, strings.TrimPrefix(str(x), "Person/"))
			}
		case "Person":
			p := &person{id: r.ID, base: true, start: parseDay(v["start_date"]), end: parseDay(v["end_date"]), dept: execDept, level: 3}
			for _, x := range list(v, "roles") {
				m, _ := x.(map[string]any)
				p.roles = append(p.roles, roleSpan{role: strings.TrimPrefix(str(m["role"]), "Role/"), from: parseDay(m["from"]), to: parseDay(m["to"])})
			}
			if p.start != 0 && (g.founded == 0 || p.start < g.founded) {
				g.founded = p.start
			}
			g.personID[r.ID] = int32(len(g.people))
			g.usedPID[r.ID] = 1
			g.people = append(g.people, p)
		case "Role":
			rd := &roleDef{id: r.ID, base: true, privileged: v["privileged"] == true, screening: str(v["required_screening_level"])}
			for _, x := range list(v, "required_competences") {
				m, _ := x.(map[string]any)
				if c := str(m["course"]); c != "" {
					n, _ := strconv.Atoi(fmt.Sprint(m["renew_days"]))
					rd.courses = append(rd.courses, comp{course: strings.TrimPrefix(c, "Document/"), renew: n})
				}
			}
			g.roles[r.ID] = rd
			g.roleList = append(g.roleList, r.ID)
		case "Document":
			dd := &docDef{id: r.ID, base: true, docType: str(v["doc_type"]), topic: str(v["topic"]), version: str(v["version"]),
				published: parseDay(v["published_on"])}
			everyone := len(list(v, "audience")) == 0
			for _, a := range list(v, "audience") {
				switch str(a) {
				case "all-personnel", "personnel", "all", "everyone":
					everyone = true
				}
			}
			needs := v["requires_acknowledgement"] == true ||
				dd.docType == "policy" && dd.topic == "information-security" && v["requires_acknowledgement"] != false
			dd.ack = needs && everyone && (dd.docType == "policy" || dd.docType == "topic-policy")
			dd.courseType = courseType(dd.topic)
			g.docs[r.ID] = dd
			g.docList = append(g.docList, r.ID)
		case "CommsChannel":
			if str(v["channel_type"]) == "security-event-reporting" && g.channel == "" {
				g.channel = r.ID
			}
		case "Site":
			switch str(v["site_type"]) {
			case "office", "coworking":
				if g.office == "" {
					g.office = r.ID
				}
			case "cloud-region":
				if g.regionSite == "" {
					g.regionSite = r.ID
				}
			}
		case "Supplier":
			g.suppliers[r.ID] = true
		case "AISystem":
			g.aiSystems = append(g.aiSystems, r.ID)
		case "Asset":
			if r.ID == "siem" || strings.Contains(strings.ToLower(str(v["title"])), "siem") {
				if g.siem == "" {
					g.siem = r.ID
				}
			}
		case "Account":
			if ext := str(v["external_id"]); g.domain == "altavia.example" || g.company == "Altavia" {
				if _, dom, ok := strings.Cut(ext, "@"); ok && plainID(dom) {
					g.domain = dom
					g.company = strings.ToUpper(dom[:1]) + strings.SplitN(dom, ".", 2)[0][1:]
				}
			}
		}
	}
	if g.founded == 0 || g.founded > asOf-800 {
		g.founded = mkday(2014, 1, 6)
	}
	// Base accounts join the access-review populations of the systems they belong to.
	for _, r := range b.Records {
		if r.Kind != "Account" {
			continue
		}
		v := r.Value
		sys := strings.TrimPrefix(str(v["system"]), "Asset/")
		si := g.system(sys)
		a := acct{id: r.ID, sys: int32(si), holder: -1, typ: str(v["account_type"]), priv: v["privileged"] == true,
			created: parseDay(v["created_on"]), disabled: parseDay(v["disabled_on"]), base: true}
		a.owner = strings.TrimPrefix(str(v["service_owner"]), "Person/")
		if h := strings.TrimPrefix(str(v["holder"]), "Person/"); h != "" {
			if i, ok := g.personID[h]; ok {
				a.holder = i
			}
		}
		g.systems[si].accts = append(g.systems[si].accts, int32(len(g.accts)))
		if a.priv {
			g.systems[si].priv = true
		}
		g.accts = append(g.accts, a)
	}
	// Leaders: the holders of the key roles, else top management.
	holder := func(role string) string {
		for _, p := range g.people {
			if p.activeOn(asOf) && p.holds(role, asOf) {
				return p.id
			}
		}
		return ""
	}
	fallback := ""
	for _, id := range topMgmt {
		if i, ok := g.personID[id]; ok && g.people[i].activeOn(asOf) {
			fallback = id
			break
		}
	}
	if fallback == "" {
		for _, p := range g.people {
			if p.activeOn(asOf) {
				fallback = p.id
				break
			}
		}
	}
	for _, f := range []struct{ fn, role, alt string }{
		{"ceo", "ceo", ""}, {"cto", "cto", "ceo"}, {"isms", "isms-manager", "ceo"}, {"people", "people-ops", "isms"},
		{"it", "it-admin", "cto"}, {"privacy", "privacy-lead", "isms"}, {"ai", "aims-owner", "cto"},
		{"incident", "incident-lead", "isms"}, {"ciso", "ciso", "isms"},
	} {
		if id := holder(f.role); id != "" {
			g.lead[f.fn], g.leadRole[f.fn] = id, f.role
		} else if f.alt != "" && g.lead[f.alt] != "" {
			g.lead[f.fn] = g.lead[f.alt]
		} else {
			g.lead[f.fn] = fallback
		}
	}
	for _, p := range g.people {
		if p.activeOn(asOf) && p.holds("change-approver", asOf) {
			g.changeApprove = append(g.changeApprove, p.id)
		}
		if p.activeOn(asOf) && p.holds("incident-lead", asOf) {
			g.incidentLeads = append(g.incidentLeads, p.id)
		}
	}
	return nil
}

func str(v any) string { s, _ := v.(string); return s }

func list(m map[string]any, k string) []any { l, _ := m[k].([]any); return l }

func courseType(topic string) string {
	switch topic {
	case "security-awareness", "awareness", "onboarding":
		return "awareness"
	case "secure-coding", "incident-response", "privacy", "ai-literacy", "ai-operator":
		return topic
	}
	return "role-other"
}

// ---------------------------------------------------------------------------------------
// Plan and run

func (g *gen) run() {
	target := max(g.opts.Records-g.baseCount, 50)

	g.coreRoles()
	g.coreDocs()
	g.coreSites()

	// People-driven records (people, their accounts, laptops, training, acknowledgements)
	// and the access reviews are sized by the head count; the other kinds share what is left.
	acks := 2.0
	for _, id := range g.docList {
		if g.docs[id].ack {
			acks++
		}
	}
	perPerson := 1 + 6.3 + 1.2 + 5 + acks
	nPeople := max(int(math.Round(float64(target)*0.645/perPerson)), 8)
	nApps := max(int(math.Round(float64(target)*0.01/12))-7, 0)

	g.leaders()
	g.workforce(nPeople)
	g.coreSuppliersAndSystems(nApps)
	g.writeSites()
	g.aiCore()
	if !g.baseMS {
		g.managementSystems()
	}
	g.writeRoles()
	g.writeDocs()
	g.writePeople()
	g.writeEndpoints()
	g.humanAccounts()
	g.serviceAccounts()
	g.training()
	g.acknowledgements()
	g.accessReviews()
	g.writeAccounts()

	// Independent kinds share the rest; findings take the last remainder.
	rest := target - g.n
	weights := []struct {
		name string
		w    float64
	}{{"infra", 9}, {"change", 5.7}, {"testrun", 3}, {"risk", 1.2}, {"activity", 1}, {"supplier", 0.3},
		{"document", 0.4}, {"incident", 0.4}, {"exercise", 0.05}, {"dataset", 0.06}, {"model", 0.04}, {"finding", 8}}
	var sum float64
	for _, x := range weights {
		sum += x.w
	}
	t := map[string]int{}
	for _, x := range weights {
		t[x.name] = max(int(float64(rest)*x.w/sum), 0)
	}
	// The infrastructure share also pays for what each service brings along: its logging
	// sources and its yearly recovery exercise (about 0.4 records per asset).
	g.infrastructure(int(float64(t["infra"]) / 1.4))
	g.loggingSources()
	g.extraSuppliers(t["supplier"])
	g.extraDocuments(t["document"])
	g.riskRegister(t["risk"])
	g.changeRecords(t["change"])
	g.incidents(t["incident"])
	g.exercises(t["exercise"])
	g.activities(t["activity"])
	g.datasetsAndModels(t["dataset"], t["model"])
	snapshots := g.snapshots()
	runs := g.planTestRuns(t["testrun"] - snapshots)
	remaining := target - g.n - len(runs)
	nf := max(int(float64(remaining)/1.02), 0)
	fs := g.findings(nf, runs)
	g.writeTestRuns(runs, fs)
}

// ---------------------------------------------------------------------------------------
// Governance core: roles, documents, sites, management systems

var canonicalRoles = []roleDef{
	{id: "ceo", title: "Chief Executive Officer", category: "management", minHolders: 1,
		resp: []string{"Lead the organisation and answer for both management systems", "Approve the information security and AI policies"}},
	{id: "cto", title: "Chief Technology Officer", category: "management", minHolders: 1,
		resp: []string{"Lead engineering, IT and data science", "Approve technical standards and major changes"}},
	{id: "ciso", title: "Chief Information Security Officer", category: "isms", minHolders: 1, screening: "enhanced",
		resp: []string{"Lead the security programme", "Approve exceptions to security policies"}},
	{id: "isms-manager", title: "ISMS Manager", category: "isms", minHolders: 1, screening: "standard",
		resp: []string{"Run the information security management system day to day", "Maintain the risk register and the Statement of Applicability", "Approve time-limited exceptions to security policies"}},
	{id: "incident-lead", title: "Incident Lead", category: "isms", minHolders: 1, screening: "standard",
		courses: []comp{{"course-incident-response", 365}},
		resp:    []string{"Lead the response to security incidents", "Decide on notifications together with the privacy lead"}},
	{id: "incident-responder", title: "Incident Responder", category: "operational", minHolders: 2, screening: "standard",
		courses: []comp{{"course-incident-response", 365}},
		resp:    []string{"Triage security events and contain incidents", "Preserve evidence following the evidence handling procedure"}},
	{id: "change-approver", title: "Change Approver", category: "operational", minHolders: 2, screening: "standard",
		resp: []string{"Review and approve production changes", "Approve emergency changes after the fact"}},
	{id: "on-call", title: "On-call Engineer", category: "operational", minHolders: 3, screening: "standard",
		resp: []string{"Answer production alerts around the clock", "Escalate security events to the incident lead"}},
	{id: "prod-admin", title: "Production Administrator", category: "operational", privileged: true, minHolders: 2, screening: "enhanced",
		resp: []string{"Hold administrative access to production", "Use break-glass access only during incidents"}},
	{id: "it-admin", title: "IT Administrator", category: "operational", privileged: true, minHolders: 1, screening: "standard",
		resp: []string{"Administer the identity provider and company SaaS", "Provision and revoke access"}},
	{id: "privacy-lead", title: "Privacy Lead", category: "isms", minHolders: 1, screening: "standard",
		resp: []string{"Maintain the record of processing and the DPIAs", "Handle data subject requests"}},
	{id: "aims-owner", title: "AIMS Owner", category: "aims", minHolders: 1, screening: "standard",
		courses: []comp{{"course-ai-literacy", 365}}, resp: []string{"Run the AI management system day to day"}},
	{id: "ai-risk-owner", title: "AI Risk Owner", category: "aims", minHolders: 1, screening: "standard",
		courses: []comp{{"course-ai-literacy", 365}}, resp: []string{"Own the AI risk assessment and treatment"}},
	{id: "ai-impact-approver", title: "AI Impact Approver", category: "aims", minHolders: 1, screening: "standard",
		courses: []comp{{"course-ai-literacy", 365}}, resp: []string{"Approve AI system impact assessments"}},
	{id: "ai-release-approver", title: "AI Release Approver", category: "aims", minHolders: 1, screening: "standard",
		courses: []comp{{"course-ai-literacy", 365}}, resp: []string{"Approve the release of AI model versions"}},
	{id: "data-steward", title: "Data Steward", category: "aims", minHolders: 1, screening: "standard",
		courses: []comp{{"course-ai-literacy", 365}}, resp: []string{"Answer for datasets, their provenance and quality"}},
	{id: "engineer", title: "Software Engineer", category: "operational", minHolders: 2, screening: "standard",
		courses: []comp{{"course-secure-coding", 365}},
		resp:    []string{"Build and operate the product following the secure development policy", "Author changes through pull requests"}},
	{id: "ml-engineer", title: "Machine Learning Engineer", category: "aims", minHolders: 1, screening: "standard",
		courses: []comp{{"course-ai-literacy", 365}}, resp: []string{"Build, evaluate and monitor models"}},
	{id: "support-agent", title: "Support Agent", category: "operational", minHolders: 2, screening: "standard",
		courses: []comp{{"course-privacy", 365}}, resp: []string{"Answer customer tickets", "Handle customer personal data following the privacy policy"}},
	{id: "sales-rep", title: "Sales Representative", category: "operational", minHolders: 1, screening: "basic",
		resp: []string{"Sell to customers following the acceptable use policy"}},
	{id: "marketing-specialist", title: "Marketing Specialist", category: "operational", minHolders: 1, screening: "basic",
		resp: []string{"Run campaigns using approved tools and consented contact data"}},
	{id: "product-manager", title: "Product Manager", category: "operational", minHolders: 1, screening: "basic",
		resp: []string{"Define product requirements including security and privacy requirements"}},
	{id: "finance-analyst", title: "Finance Analyst", category: "operational", minHolders: 1, screening: "standard",
		resp: []string{"Run financial processes with segregation of duties"}},
	{id: "people-ops", title: "People Operations", category: "management", minHolders: 1, screening: "standard",
		resp: []string{"Run hiring, onboarding and offboarding", "Keep the HR system current"}},
	{id: "security-analyst", title: "Security Analyst", category: "isms", minHolders: 1, screening: "enhanced",
		courses: []comp{{"course-incident-response", 365}}, resp: []string{"Run scans and triage findings", "Monitor security alerts"}},
	{id: "legal-counsel", title: "Legal Counsel", category: "operational", minHolders: 1, screening: "standard",
		resp: []string{"Review contracts and keep the legal register current"}},
	{id: "operations-specialist", title: "Operations Specialist", category: "operational", minHolders: 1, screening: "basic",
		resp: []string{"Run business operations and facilities"}},
}

func (g *gen) coreRoles() {
	for i := range canonicalRoles {
		rd := canonicalRoles[i]
		if _, ok := g.roles[rd.id]; ok {
			continue // the base bundle defines it
		}
		g.roles[rd.id] = &rd
		g.roleList = append(g.roleList, rd.id)
	}
}

var canonicalDocs = []docDef{
	{id: "isms-scope", title: "ISMS scope statement", docType: "specification", topic: "isms-scope", version: "2.0.0", published: mkday(2025, 1, 13)},
	{id: "aims-scope", title: "AIMS scope statement", docType: "specification", topic: "aims-scope", version: "1.1.0", published: mkday(2025, 1, 13)},
	{id: "pol-information-security", title: "Information security policy", docType: "policy", topic: "information-security", version: "4.0.0", published: mkday(2025, 12, 1), ack: true},
	{id: "pol-acceptable-use", title: "Acceptable use policy", docType: "topic-policy", topic: "acceptable-use", version: "3.1.0", published: mkday(2025, 12, 1), ack: true},
	{id: "pol-access-control", title: "Access control policy", docType: "topic-policy", topic: "access-control", version: "3.0.0", published: mkday(2025, 12, 1)},
	{id: "pol-classification", title: "Information classification policy", docType: "topic-policy", topic: "classification", version: "2.0.0", published: mkday(2025, 12, 1),
		levels: []string{"public", "internal", "confidential", "restricted"}},
	{id: "pol-information-transfer", title: "Information transfer policy", docType: "topic-policy", topic: "information-transfer", version: "2.0.0", published: mkday(2025, 12, 1)},
	{id: "pol-supplier-security", title: "Supplier security policy", docType: "topic-policy", topic: "supplier-security", version: "2.1.0", published: mkday(2025, 12, 1)},
	{id: "pol-incident-response", title: "Incident response policy", docType: "topic-policy", topic: "incident-response", version: "2.0.0", published: mkday(2025, 12, 1)},
	{id: "pol-bcp", title: "Business continuity policy", docType: "topic-policy", topic: "bcp", version: "2.0.0", published: mkday(2025, 12, 1)},
	{id: "pol-cryptography", title: "Cryptography policy", docType: "topic-policy", topic: "cryptography", version: "2.0.0", published: mkday(2025, 12, 1)},
	{id: "pol-secure-development", title: "Secure development policy", docType: "topic-policy", topic: "secure-development", version: "3.0.0", published: mkday(2025, 12, 1)},
	{id: "pol-backup", title: "Backup policy", docType: "topic-policy", topic: "backup", version: "2.0.0", published: mkday(2025, 12, 1)},
	{id: "pol-logging-monitoring", title: "Logging and monitoring policy", docType: "topic-policy", topic: "logging-monitoring", version: "2.0.0", published: mkday(2025, 12, 1)},
	{id: "pol-remote-working", title: "Remote working policy", docType: "topic-policy", topic: "remote-working", version: "2.0.0", published: mkday(2025, 12, 1)},
	{id: "pol-clear-desk", title: "Clear desk and clear screen policy", docType: "topic-policy", topic: "clear-desk", version: "1.2.0", published: mkday(2025, 12, 1)},
	{id: "pol-privacy", title: "Privacy policy", docType: "topic-policy", topic: "privacy", version: "3.0.0", published: mkday(2025, 12, 1)},
	{id: "proc-backup", title: "Backup and restore procedure", docType: "procedure", topic: "backup", version: "2.0.0", published: mkday(2025, 9, 1)},
	{id: "proc-change", title: "Change management procedure", docType: "procedure", topic: "change", version: "3.0.0", published: mkday(2025, 9, 1)},
	{id: "proc-incident", title: "Incident handling procedure", docType: "procedure", topic: "incident", version: "3.0.0", published: mkday(2025, 9, 1)},
	{id: "proc-access-provisioning", title: "Access provisioning procedure", docType: "procedure", topic: "access-provisioning", version: "2.0.0", published: mkday(2025, 9, 1)},
	{id: "proc-onboarding-offboarding", title: "Onboarding and offboarding procedure", docType: "procedure", topic: "onboarding-offboarding", version: "2.0.0", published: mkday(2025, 9, 1)},
	{id: "proc-vulnerability-management", title: "Vulnerability management procedure", docType: "procedure", topic: "vulnerability-management", version: "2.0.0", published: mkday(2025, 9, 1)},
	{id: "proc-log-review", title: "Log review procedure", docType: "procedure", topic: "log-review", version: "1.1.0", published: mkday(2025, 9, 1)},
	{id: "proc-media-handling", title: "Media handling procedure", docType: "procedure", topic: "media-handling", version: "1.0.0", published: mkday(2025, 9, 1)},
	{id: "proc-key-management", title: "Key management procedure", docType: "procedure", topic: "key-management", version: "1.2.0", published: mkday(2025, 9, 1)},
	{id: "plan-bcp-dr", title: "Business continuity and disaster recovery plan", docType: "plan", topic: "bcp", version: "3.0.0", published: mkday(2025, 10, 6),
		flags: "{security_continuity: true}"},
	{id: "plan-incident-response", title: "Incident response plan", docType: "plan", topic: "incident-response", version: "2.0.0", published: mkday(2025, 10, 6)},
	{id: "pol-authentication", title: "Authentication policy", docType: "topic-policy", topic: "authentication", version: "2.0.0", published: mkday(2025, 12, 1)},
	{id: "pol-cloud-services", title: "Cloud services policy", docType: "topic-policy", topic: "cloud-services", version: "1.2.0", published: mkday(2025, 12, 1)},
	{id: "pol-intellectual-property", title: "Intellectual property and software use policy", docType: "topic-policy", topic: "intellectual-property", version: "1.0.0", published: mkday(2025, 12, 1)},
	{id: "std-information-handling", title: "Information handling rules per classification level", docType: "standard", topic: "information-handling", version: "1.1.0", published: mkday(2025, 9, 1),
		flags: "{handling_rules_per_level: true}"},
	{id: "proc-labelling", title: "Labelling procedure", docType: "procedure", topic: "labelling", version: "1.0.0", published: mkday(2025, 9, 1)},
	{id: "proc-evidence-handling", title: "Evidence handling procedure", docType: "procedure", topic: "evidence-handling", version: "1.0.0", published: mkday(2025, 9, 1)},
	{id: "retention-schedule", title: "Records retention schedule", docType: "standard", topic: "records-retention", version: "2.0.0", published: mkday(2025, 9, 1),
		levels: []string{"business-correspondence:2555", "customer-data:2555", "logs:400"}},
	{id: "cloud-shared-responsibility", title: "Cloud shared responsibility matrix", docType: "specification", topic: "cloud-shared-responsibility", version: "1.0.0", published: mkday(2025, 9, 1)},
	{id: "cloud-exit-plan", title: "Cloud exit plan", docType: "plan", topic: "cloud-exit", version: "1.0.0", published: mkday(2025, 9, 1)},
	{id: "dpia-customer-data", title: "DPIA: processing of customer data in product services", docType: "dpia", topic: "dpia", version: "1.2.0", published: mkday(2025, 11, 3)},
	{id: "risk-methodology", title: "Risk assessment methodology", docType: "methodology", topic: "risk-assessment", version: "2.0.0", published: mkday(2025, 1, 20)},
	{id: "course-security-onboarding", title: "Security onboarding", docType: "training-material", topic: "security-awareness", version: "4.0.0", published: mkday(2024, 12, 2), courseType: "awareness",
		flags: "{phishing: true, event_reporting: true, malware: true, policy_overview: true, personal_contribution: true, consequences_of_nonconformity: true}"},
	{id: "course-awareness-2025", title: "Annual security awareness training 2025", docType: "training-material", topic: "security-awareness", version: "2025.1.0", published: mkday(2025, 1, 20), courseType: "awareness",
		flags: "{phishing: true, event_reporting: true, malware: true, policy_overview: true, personal_contribution: true, consequences_of_nonconformity: true}"},
	{id: "course-awareness-2026", title: "Annual security awareness training 2026", docType: "training-material", topic: "security-awareness", version: "2026.1.0", published: mkday(2026, 1, 19), courseType: "awareness",
		flags: "{phishing: true, event_reporting: true, malware: true, policy_overview: true, personal_contribution: true, consequences_of_nonconformity: true}"},
	{id: "course-secure-coding", title: "Secure coding", docType: "training-material", topic: "secure-coding", version: "3.0.0", published: mkday(2024, 11, 4), courseType: "secure-coding"},
	{id: "course-privacy", title: "Privacy and personal data handling", docType: "training-material", topic: "privacy", version: "2.0.0", published: mkday(2024, 11, 4), courseType: "privacy"},
	{id: "course-incident-response", title: "Incident response", docType: "training-material", topic: "incident-response", version: "2.0.0", published: mkday(2024, 11, 4), courseType: "incident-response"},
	{id: "course-ai-literacy", title: "AI literacy", docType: "training-material", topic: "ai-literacy", version: "1.1.0", published: mkday(2024, 11, 4), courseType: "ai-literacy"},
	{id: "tmpl-employment-contract", title: "Employment contract template", docType: "contract-template", topic: "employment-terms", version: "3.0.0", published: mkday(2023, 1, 9),
		flags: "{security_responsibilities: true, confidentiality: true, acceptable_use_reference: true}"},
	{id: "tmpl-contractor-agreement", title: "Contractor agreement template", docType: "contract-template", topic: "contractor-agreement", version: "2.0.0", published: mkday(2023, 1, 9),
		flags: "{security_responsibilities: true, confidentiality: true, acceptable_use_reference: true}"},
	{id: "tmpl-nda", title: "Confidentiality agreement template", docType: "contract-template", topic: "nda", version: "2.0.0", published: mkday(2023, 1, 9),
		flags: "{confidentiality: true}"},
	{id: "tmpl-exit-obligations", title: "Leaver declaration template", docType: "contract-template", topic: "exit-obligations", version: "1.1.0", published: mkday(2023, 1, 9)},
}

func (g *gen) coreDocs() {
	for i := range canonicalDocs {
		dd := canonicalDocs[i]
		if _, ok := g.docs[dd.id]; ok {
			continue
		}
		if g.hasBase {
			// Build on the base's policy set: add no policy that everyone must acknowledge.
			if dd.docType == "policy" || dd.docType == "topic-policy" {
				if g.hasDocTopic(dd.topic) {
					continue
				}
				dd.ack = false
			}
		}
		g.docs[dd.id] = &dd
		g.docList = append(g.docList, dd.id)
	}
	// Every course a role asks for exists.
	for _, id := range g.roleList {
		for _, c := range g.roles[id].courses {
			if _, ok := g.docs[c.course]; !ok {
				g.docs[c.course] = &docDef{id: c.course, title: "Course " + c.course, docType: "training-material",
					topic: "role-training", version: "1.0.0", published: mkday(2024, 11, 4), courseType: "role-other"}
				g.docList = append(g.docList, c.course)
			}
		}
	}
}

func (g *gen) hasDocTopic(topic string) bool {
	for _, d := range g.docs {
		if d.base && d.topic == topic && (d.docType == "policy" || d.docType == "topic-policy") {
			return true
		}
	}
	return false
}

func (g *gen) coreSites() {
	if g.office == "" {
		g.office = "hq-munich"
	}
	if g.regionSite == "" {
		g.regionSite = "aws-" + g.region
	}
	if g.siem == "" {
		g.siem = "siem"
	}
}

// leaders sets up the executives: from the base bundle, or generated.
func (g *gen) leaders() {
	if g.hasBase {
		return
	}
	start := g.founded
	mk := func(fn, title string, roles ...string) {
		p := g.newPerson(execDept, 3, title, start+day(g.intn(900)), 0)
		p.manager = g.lead["ceo"]
		for _, r := range roles {
			p.roles = append(p.roles, roleSpan{role: r, from: p.start + day(g.intn(60)), by: g.lead["ceo"]})
			if _, ok := g.leadRole[fn]; !ok {
				g.leadRole[fn] = r
			}
		}
		g.lead[fn] = p.id
	}
	mk("ceo", "Chief Executive Officer", "ceo")
	g.people[0].manager = ""
	for i := range g.people[0].roles {
		g.people[0].roles[i].by = ""
	}
	mk("cto", "Chief Technology Officer", "cto", "change-approver")
	mk("isms", "Chief Information Security Officer", "isms-manager", "ciso", "incident-lead")
	g.lead["ciso"], g.lead["incident"] = g.lead["isms"], g.lead["isms"]
	g.leadRole["ciso"], g.leadRole["incident"] = "ciso", "incident-lead"
	mk("people", "Chief People Officer", "people-ops")
	mk("it", "Head of IT", "it-admin")
	mk("privacy", "Data Protection Officer", "privacy-lead")
	mk("ai", "Head of AI Governance", "aims-owner", "ai-risk-owner", "ai-impact-approver", "ai-release-approver", "data-steward")
	g.changeApprove = append(g.changeApprove, g.lead["cto"])
	g.incidentLeads = append(g.incidentLeads, g.lead["isms"])
	// In the generated core the IT head and executives are active administrators.
	g.itAdmins = append(g.itAdmins, g.personID[g.lead["it"]])
}

func (g *gen) newPerson(dept, level int, title string, start, end day) *person {
	first, last := g.pick(firstNames), g.pick(lastNames)
	id := first + "." + last
	if n := g.usedPID[id]; n > 0 {
		g.usedPID[id] = n + 1
		id += strconv.Itoa(n + 1)
	}
	g.usedPID[id]++
	g.hris++
	emp := "employee"
	if level == 0 {
		switch u := g.r.Float64(); {
		case u < 0.09:
			emp = "contractor"
		case u < 0.12:
			emp = "intern"
		case u < 0.14:
			emp = "temp"
		}
	}
	p := &person{id: id, name: title1(first) + " " + title1(last), dept: dept, title: title, emp: emp, start: start, end: end, level: level, hris: g.hris}
	g.personID[id] = int32(len(g.people))
	g.people = append(g.people, p)
	g.deptMembers[dept] = append(g.deptMembers[dept], int32(len(g.people)-1))
	return p
}

func title1(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// workforce generates the departments: a head, teams with their leads, and members.
func (g *gen) workforce(n int) {
	deptBoss := func(d int) string {
		if depts[d].tech {
			return g.lead["cto"]
		}
		return g.lead["ceo"]
	}
	members := max(n-len(depts)*1, len(depts))
	for d := range depts {
		size := int(math.Round(float64(members) * depts[d].share))
		if size == 0 {
			continue
		}
		dd := &depts[d]
		span := int(asOf - g.founded)
		headStart := g.founded + day(g.intn(span/3))
		head := g.newPerson(d, 2, dd.head, headStart, 0)
		head.manager = deptBoss(d)
		g.addRole(head, dd.role, head.start, head.manager)
		switch dd.id {
		case "engineering":
			g.addRole(head, "change-approver", head.start+30, head.manager)
			g.changeApprove = append(g.changeApprove, head.id)
		case "security":
			g.addRole(head, "incident-lead", head.start+30, head.manager)
			g.incidentLeads = append(g.incidentLeads, head.id)
		}
		teams := max(size/10, 1)
		leads := make([]*person, teams)
		for t := range leads {
			l := g.newPerson(d, 1, "Team Lead "+dd.name, headStart+day(g.intn(int(asOf-headStart)*2/3)), 0)
			l.manager = head.id
			g.addRole(l, dd.role, l.start, head.id)
			g.teamLeads = append(g.teamLeads, g.personID[l.id])
			if dd.id == "engineering" && g.chance(0.6) {
				g.addRole(l, "change-approver", l.start+90, head.id)
				g.changeApprove = append(g.changeApprove, l.id)
			}
			leads[t] = l
		}
		for range max(size-teams-1, 0) {
			lead := leads[g.intn(teams)]
			tenure := 20 + g.intn(span-20)
			start := asOf - day(tenure)
			end := day(0)
			p := g.newPerson(d, 0, g.pick(dd.titles), start, 0)
			switch {
			case p.emp == "intern" || p.emp == "temp":
				p.start = g.dayIn(winStart, asOf-40)
				if g.chance(0.5) {
					end = p.start + day(g.between(60, 200))
				}
			case g.chance(0.09):
				lo := maxDay(p.start+60, winStart)
				if lo < asOf-2 {
					end = g.dayIn(lo, asOf-2)
				}
			}
			if end != 0 && end < asOf {
				p.end = end
				p.forgot = g.chance(0.06)
			}
			p.manager = lead.id
			g.addRole(p, dd.role, p.start, lead.id)
			i := g.personID[p.id]
			switch dd.id {
			case "engineering":
				g.engineers = append(g.engineers, i)
				if g.chance(0.22) {
					g.addRole(p, "on-call", p.start+day(g.between(30, 200)), lead.id)
				}
				if g.chance(0.1) {
					g.addRole(p, "incident-responder", p.start+day(g.between(60, 300)), g.lead["incident"])
				}
				if g.chance(0.03) && p.emp == "employee" {
					g.addRole(p, "prod-admin", p.start+day(g.between(90, 400)), head.id)
				}
			case "security":
				g.security = append(g.security, i)
				if g.chance(0.5) {
					g.addRole(p, "incident-responder", p.start+30, g.lead["incident"])
				}
			case "it":
				if p.emp == "employee" {
					g.itAdmins = append(g.itAdmins, i)
				}
			case "data-science":
				g.dataScience = append(g.dataScience, i)
				if g.chance(0.08) {
					g.addRole(p, "data-steward", p.start+60, head.id)
				}
			}
		}
	}
	if len(g.security) == 0 {
		g.security = g.itAdmins
	}
}

// addRole gives p a role from a date; a leaver's roles end on the last day.
func (g *gen) addRole(p *person, role string, from day, by string) {
	if _, ok := g.roles[role]; !ok {
		return
	}
	if p.end != 0 && from >= p.end {
		return
	}
	from = maxDay(from, p.start)
	if by == p.id {
		by = ""
	}
	p.roles = append(p.roles, roleSpan{role: role, from: from, to: p.end, by: by})
	if role == "incident-responder" || role == "incident-lead" {
		g.responders = append(g.responders, g.personID[p.id])
	}
}

// activeAt reports whether the person with id works here on d.
func (g *gen) activeAt(id string, d day) bool {
	i, ok := g.personID[id]
	return ok && g.people[i].activeOn(d)
}

// approverAt returns the first candidate other than holder who works here on d, else the
// last candidate other than holder.
func (g *gen) approverAt(d day, holder string, candidates ...string) string {
	last := ""
	for _, c := range candidates {
		if c == "" || c == holder {
			continue
		}
		if g.activeAt(c, d) {
			return c
		}
		last = c
	}
	return last
}

// pickResponder returns a holder of an incident role on d, or fallback.
func (g *gen) pickResponder(d day, fallback string) string {
	for range 12 {
		if len(g.responders) == 0 {
			break
		}
		p := g.people[g.responders[g.intn(len(g.responders))]]
		if p.activeOn(d) && (p.holds("incident-responder", d) || p.holds("incident-lead", d)) {
			return p.id
		}
	}
	return fallback
}

// pickActive returns a person of pool active on d, or fallback.
func (g *gen) pickActive(pool []int32, d day, fallback string) string {
	if len(pool) == 0 {
		return fallback
	}
	for range 8 {
		p := g.people[pool[g.intn(len(pool))]]
		if p.activeOn(d) && !p.base {
			return p.id
		}
	}
	return fallback
}

func (g *gen) pickActiveNot(pool []string, d day, not string) string {
	for range 8 {
		if len(pool) == 0 {
			break
		}
		id := pool[g.intn(len(pool))]
		if id == not {
			continue
		}
		if i, ok := g.personID[id]; ok && g.people[i].activeOn(d) {
			return id
		}
	}
	if not != g.lead["cto"] {
		return g.lead["cto"]
	}
	return g.lead["ceo"]
}

// ---------------------------------------------------------------------------------------
// Writing the governance core

func (g *gen) approval(w *w, fn string, on day, version string) {
	w.raw("approvals: [{by: ")
	w.ref("Person", g.lead[fn])
	if r := g.leadRole[fn]; r != "" {
		w.raw(", role: ")
		w.ref("Role", r)
	}
	w.raw(", on: ")
	w.date(on)
	w.raw(", decision: approved")
	if version != "" {
		w.raw(", version: ")
		w.str(version)
	}
	w.raw("}]\n")
}

func (g *gen) review(w *w, by string, on day, outcome string) {
	w.raw("reviews: [{by: ")
	w.ref("Person", by)
	w.raw(", on: ")
	w.date(on)
	w.raw(", outcome: ")
	w.raw(outcome)
	w.raw("}]\n")
}

func (g *gen) writeRoles() {
	for _, id := range g.roleList {
		rd := g.roles[id]
		if rd.base {
			continue
		}
		w := g.rec("roles/"+id+".yaml", "", "Role", id)
		w.kv("title", rd.title)
		w.kv("category", rd.category)
		w.raw("responsibilities:\n")
		for _, r := range rd.resp {
			w.raw("  - ")
			w.str(r)
			w.nl()
		}
		w.kint("min_holders", rd.minHolders)
		w.kbool("privileged", rd.privileged)
		if len(rd.courses) > 0 {
			w.raw("required_competences: [")
			for i, c := range rd.courses {
				if i > 0 {
					w.raw(", ")
				}
				w.raw("{course: ")
				w.ref("Document", c.course)
				w.raw(", renew_days: ")
				w.int(c.renew)
				w.raw("}")
			}
			w.raw("]\n")
		}
		if rd.screening != "" {
			w.kv("required_screening_level", rd.screening)
		}
		w.raw("conflicts_with: []\n")
		w.kref("owner", "Person", g.lead["isms"])
		g.approval(w, "ceo", mkday(2026, 1, 12), "")
		g.review(w, g.lead["isms"], mkday(2026, 1, 8), "no-change")
	}
}

func (g *gen) writeDocs() {
	for _, id := range g.docList {
		d := g.docs[id]
		if d.base {
			continue
		}
		g.writeDoc(d, "documents/"+id+".yaml", g.lead["isms"], "")
	}
}

func (g *gen) writeDoc(d *docDef, p, owner, subject string) {
	w := g.rec(p, "", "Document", d.id)
	w.kv("title", d.title)
	w.kv("doc_type", d.docType)
	w.kv("topic", d.topic)
	w.kv("version", d.version)
	w.kdate("published_on", d.published)
	w.kv("location", "https://handbook."+g.domain+"/"+d.id)
	w.raw("audience: [all-personnel]\n")
	w.kint("review_interval_days", 365)
	w.kbool("requires_acknowledgement", d.ack)
	if d.flags != "" {
		w.raw("content_flags: ")
		w.raw(d.flags)
		w.nl()
	}
	if len(d.levels) > 0 {
		w.raw("levels: ")
		w.strs(d.levels)
		w.nl()
	}
	if subject != "" {
		w.raw("subject_refs: [")
		w.raw(subject)
		w.raw("]\n")
	}
	w.kv("classification", "internal")
	w.kint("retention_days", 2555)
	w.key("sha256")
	w.hex(g.hex(64))
	w.nl()
	w.kref("owner", "Person", owner)
	fn := "isms"
	if d.docType == "policy" {
		fn = "ceo"
	}
	approved := d.published - day(g.between(1, 6))
	g.approval(w, fn, approved, d.version)
	rv := approved - day(g.between(1, 5))
	if rv < asOf-330 {
		// Reviewed again since publication (most documents); a few were not, and are stale.
		if !g.chance(0.03) {
			rv = g.dayIn(maxDay(d.published, asOf-330), asOf-7)
		}
	}
	outcome := "updated"
	if rv > d.published {
		outcome = "no-change"
	}
	g.review(w, owner, rv, outcome)
}

func (g *gen) managementSystems() {
	units := []string{}
	for d := range depts {
		if len(g.deptMembers[d]) > 0 {
			units = append(units, depts[d].name)
		}
	}
	var core []string
	for _, s := range g.systems {
		if s.dept < 0 {
			core = append(core, s.id)
		}
	}
	for _, ms := range []struct{ id, title, std, scope, sys string }{
		{"isms", g.company + " information security management system", "iso27001:2022", "isms-scope", "isms"},
		{"aims", g.company + " AI management system", "iso42001:2023", "aims-scope", "aims"},
	} {
		id := g.uniq("ManagementSystem", ms.id)
		g.msIDs = append(g.msIDs, id)
		w := g.rec("management_systems/"+id+".yaml", "", "ManagementSystem", id)
		w.kv("title", ms.title)
		w.raw("systems: [" + ms.sys + "]\n")
		w.kv("standard", ms.std)
		w.kref("scope_doc", "Document", ms.scope)
		w.raw("boundaries:\n  sites: ")
		w.refs("Site", []string{g.office, g.regionSite})
		w.raw("\n  units: ")
		w.strs(units)
		w.nl()
		if ms.sys == "isms" {
			w.raw("  systems: ")
			w.refs("Asset", core)
			w.nl()
		}
		if len(g.aiSystems) > 0 {
			w.raw("  ai_systems: ")
			w.refs("AISystem", g.aiSystems)
			w.nl()
		}
		if ms.sys == "aims" {
			w.raw("ai_roles: [provider, user]\n")
		}
		w.raw("issues:\n")
		w.raw("  - {id: ext-customers, type: external, summary: \"Enterprise customers require ISO/IEC 27001 certification and yearly penetration tests\", climate_relevant: false, reviewed_on: 2026-10-12}\n")
		w.raw("  - {id: ext-climate, type: external, summary: \"Climate change considered: heat waves and flooding could affect offices; production runs in three availability zones\", climate_relevant: true, reviewed_on: 2026-10-12}\n")
		w.raw("  - {id: int-growth, type: internal, summary: \"Fast growth: onboarding and offboarding volumes require automated provisioning\", climate_relevant: false, reviewed_on: 2026-10-12}\n")
		w.raw("interested_parties:\n  - id: ip-customers\n    name: Customers\n    requirements: [\"ISO/IEC 27001 certification\", \"Breach notice within 48 hours\"]\n")
		if _, ok := g.docs["pol-information-security"]; ok {
			w.raw("    addressed_by: [Document/pol-information-security]\n")
		}
		w.raw("top_management: ")
		w.refs("Person", uniqStrings(g.lead["ceo"], g.lead["cto"]))
		w.nl()
		w.kref("owner", "Person", g.lead["isms"])
		g.approval(w, "ceo", mkday(2026, 1, 12), "")
		g.review(w, g.lead["isms"], mkday(2026, 10, 12), "updated")
	}
}

// writeSites writes the office, the cloud region and the channel for reporting security
// events, unless the base bundle has them.
func (g *gen) writeSites() {
	if g.channel == "" {
		g.channel = g.uniq("CommsChannel", "security-reports")
		w := g.rec("comms_channels/"+g.channel+".yaml", "", "CommsChannel", g.channel)
		w.raw("title: Security event reporting (mailbox and chat channel)\ndirection: inbound\nchannel_type: security-event-reporting\n")
		w.raw("audience: [personnel]\n")
		w.kv("endpoint", "security@"+g.domain)
		w.raw("anonymous_allowed: true\n")
		w.raw("tests: [{on: 2026-10-05, by: ")
		w.ref("Person", g.lead["isms"])
		w.raw(", result: ok}]\n")
		w.kref("owner", "Person", g.lead["isms"])
	}
	if !g.have("Site", g.office) {
		w := g.rec("sites/"+g.office+".yaml", "", "Site", g.office)
		w.kv("title", "Headquarters office")
		w.raw("site_type: office\noperated_by: self\n")
		w.raw("zones:\n  - {name: reception, level: public, measures: [badge, cctv, visitor-log]}\n  - {name: office-floors, level: internal, measures: [badge, cctv]}\n  - {name: server-room, level: secure, measures: [badge, lock, cctv, alarm]}\n")
		w.raw("monitoring: {cctv: true, cctv_retention_days: 30}\nutilities: {redundant_network: true}\nguest_network_separated: true\n")
		w.kref("owner", "Person", g.lead["it"])
		g.review(w, g.lead["it"], mkday(2026, 3, 2), "no-change")
	}
	if !g.have("Site", g.regionSite) {
		w := g.rec("sites/"+g.regionSite+".yaml", "", "Site", g.regionSite)
		w.kv("title", "AWS region "+g.region)
		w.raw("site_type: cloud-region\noperated_by: ")
		w.ref("Supplier", "aws")
		w.nl()
		w.raw("zones:\n  - {name: aws-data-centres, level: secure, measures: [badge, cctv, alarm, guard, visitor-log]}\n")
		w.kref("owner", "Person", g.lead["it"])
	}
}

func uniqStrings(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// ---------------------------------------------------------------------------------------
// People and their laptops

var deptFolder = func() []string {
	out := make([]string, len(depts)+1)
	for i, d := range depts {
		out[i] = "people/" + d.id + "/"
	}
	out[execDept] = "people/executive/"
	return out
}()

func (g *gen) writePeople() {
	for _, p := range g.people {
		if p.base {
			continue
		}
		w := g.rec(deptFolder[p.dept]+p.id+".yaml", "", "Person", p.id)
		w.kv("title", p.name)
		w.kv("description", p.title)
		w.kv("employment_type", p.emp)
		w.kdate("start_date", p.start)
		if p.end != 0 {
			w.kdate("end_date", p.end)
		}
		if p.manager != "" {
			w.kref("manager", "Person", p.manager)
		}
		if len(p.roles) > 0 {
			w.raw("roles:\n")
			for _, r := range p.roles {
				w.raw("  - {role: ")
				w.ref("Role", r.role)
				w.raw(", from: ")
				w.date(r.from)
				if r.to != 0 {
					w.raw(", to: ")
					w.date(r.to)
				}
				if r.by != "" && g.activeAt(r.by, r.from) {
					w.raw(", assigned_by: ")
					w.ref("Person", r.by)
				}
				w.raw("}\n")
			}
		}
		req := "basic"
		for _, r := range p.roles {
			if s := g.roles[r.role].screening; screenRank(s) > screenRank(req) {
				req = s
			}
		}
		w.raw("screening: {required_level: ")
		w.raw(req)
		if !g.chance(0.01) {
			done := p.start - day(g.between(5, 30))
			if req == "enhanced" && done < asOf-1000 {
				done = asOf - day(g.between(60, 1000)) // rescreened every three years
			}
			w.raw(", level: ")
			w.raw(req)
			w.raw(", completed_on: ")
			w.date(done)
			w.raw(", outcome_ok: true")
		}
		w.raw("}\n")
		w.kbool("remote_eligible", p.level > 0 || g.chance(0.7))
		w.raw("hris_id: HR-")
		w.int(p.hris)
		w.nl()
		w.kdate("recorded_on", p.start-day(g.between(10, 40)))
		w.raw("evidence:\n  - uri: \"hris://workday/workers/HR-")
		w.int(p.hris)
		w.raw("\"\n    sha256: ")
		w.hex(g.hex(64))
		w.raw("\n    collected_on: ")
		w.date(observed)
		w.raw("\n    source: integration/workday\n")
	}
}

func screenRank(s string) int {
	switch s {
	case "basic":
		return 1
	case "standard":
		return 2
	case "enhanced":
		return 3
	}
	return 0
}

var laptopModels = []string{"MacBook Pro 14 M3", "MacBook Pro 16 M3", "MacBook Air 13 M2", "MacBook Air 15 M3", "Dell Latitude 7440", "Lenovo ThinkPad T14 Gen 4", "Lenovo ThinkPad X1 Carbon Gen 11"}

func (g *gen) writeEndpoints() {
	n := 0
	for _, p := range g.people {
		if p.base {
			continue
		}
		devices := 1
		if p.level > 0 || (depts[min(p.dept, len(depts)-1)].id == "sales" && g.chance(0.5)) || g.chance(0.05) {
			devices = 2
		}
		for k := range devices {
			n++
			id := g.uniq("Asset", "ep-"+pad(n, 6))
			w := g.rec(g.batched("assets/endpoints/mdm-export", 500), "# Devices exported from the device management tool by the nightly MDM collector.\n", "Asset", id)
			serial := strings.ToUpper(g.hex(12))
			if k == 0 {
				w.kv("title", "Laptop "+strings.ToUpper(id))
				w.kv("description", g.pick(laptopModels)+", serial "+serial)
			} else {
				w.kv("title", "Phone "+strings.ToUpper(id))
				w.kv("description", "iPhone 15, serial "+serial)
			}
			w.raw("asset_type: endpoint\n")
			w.kref("owner", "Person", g.lead["it"])
			w.kref("assigned_to", "Person", p.id)
			w.raw("classification: confidential\ncriticality: low\nenvironment: corp\ninternet_facing: false\n")
			w.kref("location", "Site", g.office)
			w.raw("external_ids: {mdm_id: ")
			w.hex(serial)
			w.raw(", hostname: ")
			w.raw(id)
			w.raw("}\n")
			acq := p.start - day(g.between(1, 10))
			if asOf-acq > 1200 {
				acq = asOf - day(g.between(100, 1200)) // replaced since
			}
			w.raw("lifecycle: {acquired_on: ")
			w.date(acq)
			w.raw(", in_service_on: ")
			w.date(maxDay(acq, p.start-1))
			inService := true
			if p.end != 0 && !(p.forgot && g.chance(0.5)) {
				returned := minDay(p.end+day(g.between(0, 6)), observed)
				retired := minDay(returned+day(g.between(1, 20)), observed)
				w.raw(", returned_on: ")
				w.date(returned)
				w.raw(", retired_on: ")
				w.date(retired)
				w.raw(", disposal: {method: crypto-erase, on: ")
				w.date(retired)
				w.raw(", certificate_sha256: ")
				w.hex(g.hex(64))
				w.raw(", by: ")
				w.ref("Person", g.approverAt(retired, "", g.lead["it"], g.lead["cto"], g.lead["ceo"]))
				w.raw("}")
				inService = false
			}
			w.raw("}\n")
			if inService {
				g.endpoints = append(g.endpoints, id)
			}
		}
	}
}

// ---------------------------------------------------------------------------------------
// Systems, suppliers and accounts

type coreSystem struct {
	id, title, supplier, supplierTitle, kind, stype, crit string
}

var coreSystems = []coreSystem{
	{"okta", "Okta identity provider (workforce SSO and MFA)", "okta", "Okta Inc.", "idp", "saas", "critical"},
	{"google-workspace", "Google Workspace (mail, calendar, documents)", "google", "Google Cloud EMEA Limited", "saas", "saas", "critical"},
	{"slack", "Slack (company chat)", "slack", "Slack Technologies Ltd.", "saas", "saas", "high"},
	{"zoom", "Zoom (video meetings)", "zoom", "Zoom Video Communications Inc.", "saas", "saas", "medium"},
	{"jira", "Jira and Confluence (issues and wiki)", "atlassian", "Atlassian B.V.", "saas", "saas", "high"},
	{"github-org", "GitHub organisation (source code, CI)", "github", "GitHub B.V.", "vcs", "saas", "high"},
	{"aws-org", "AWS organisation (production and staging accounts)", "aws", "Amazon Web Services EMEA SARL", "cloud", "iaas", "critical"},
}

// coreShare is the share of a department with an account in a company-wide system.
func coreShare(sys, dept string) float64 {
	tech := dept == "engineering" || dept == "data-science" || dept == "security" || dept == "it"
	switch sys {
	case "okta", "google-workspace":
		return 1
	case "slack":
		return 0.97
	case "zoom":
		return 0.85
	case "jira":
		switch {
		case tech || dept == "product":
			return 0.95
		case dept == "customer-support":
			return 0.8
		case dept == "operations":
			return 0.6
		}
		return 0.1
	case "github-org":
		switch dept {
		case "engineering":
			return 0.98
		case "data-science":
			return 0.9
		case "security":
			return 0.8
		case "it":
			return 0.5
		case "product":
			return 0.2
		}
	case "aws-org":
		switch dept {
		case "engineering":
			return 0.45
		case "data-science", "security":
			return 0.6
		case "it":
			return 0.4
		}
	}
	return 0
}

func (g *gen) system(id string) int {
	if i, ok := g.sysIndex[id]; ok {
		return i
	}
	s := &system{id: id, dept: -1, base: g.have("Asset", id)}
	g.sysIndex[id] = len(g.systems)
	g.systems = append(g.systems, s)
	return len(g.systems) - 1
}

func (g *gen) coreSuppliersAndSystems(nApps int) {
	itLead := g.lead["it"]
	for _, c := range coreSystems {
		s := g.systems[g.system(c.id)]
		s.title, s.supplier, s.kind = c.title, c.supplier, c.kind
		s.owner, s.custodian = g.lead["it"], itLead
		if c.kind == "vcs" || c.kind == "cloud" {
			s.owner = g.lead["cto"]
		}
		s.inService = g.founded + day(g.intn(300))
		g.supplier(c.supplier, c.supplierTitle, c.stype, c.crit, "pii", true)
	}
	// Department tools: spread over the departments by head count.
	type app struct {
		dept int
		name string
	}
	var apps []app
	for round := 0; len(apps) < nApps && round < 50; round++ {
		for d := range depts {
			if len(apps) >= nApps || len(g.deptMembers[d]) == 0 {
				continue
			}
			want := int(math.Ceil(float64(nApps) * depts[d].share))
			have := 0
			for _, a := range apps {
				if a.dept == d {
					have++
				}
			}
			if have >= want && round > 0 {
				continue
			}
			name := ""
			if have < len(depts[d].apps) {
				name = depts[d].apps[have]
			} else {
				name = depts[d].id + "-" + serviceWords[(have*7+d)%len(serviceWords)] + "-" + strconv.Itoa(have)
			}
			apps = append(apps, app{d, name})
		}
	}
	perDept := make([]int, len(depts))
	for _, a := range apps {
		perDept[a.dept]++
	}
	for _, a := range apps {
		s := g.systems[g.system(a.name)]
		s.dept = a.dept
		s.kind = "saas"
		s.title = title1(strings.ReplaceAll(a.name, "-", " ")) + " (" + depts[a.dept].name + ")"
		s.supplier = a.name
		if strings.HasPrefix(a.name, depts[a.dept].id+"-") {
			s.kind, s.supplier = "app", ""
			s.title = "Internal tool " + a.name
		}
		s.owner = g.headOf(a.dept)
		s.custodian = g.pickActive(g.itAdmins, asOf, itLead)
		s.inService = g.founded + day(g.intn(int(asOf-g.founded)*2/3))
		s.share = min(1, 1.6/float64(perDept[a.dept])*(0.6+0.8*g.r.Float64()))
		if s.supplier != "" {
			g.supplier(s.supplier, title1(s.supplier)+" Inc.", "saas", g.pick([]string{"medium", "medium", "high", "low"}), "confidential", true)
		}
	}
	for _, s := range g.systems {
		s.stale = g.chance(0.04)
		if s.base || s.title == "" {
			continue
		}
		g.writeSystemAsset(s)
	}
	if !g.have("Asset", g.siem) {
		w := g.rec("assets/systems/"+g.siem+".yaml", "", "Asset", g.siem)
		w.raw("title: Central log store and SIEM\nasset_type: service\n")
		w.kref("owner", "Person", g.lead["isms"])
		w.raw("classification: restricted\ncriticality: high\nenvironment: prod\ninternet_facing: false\n")
		w.kv("region", g.region)
		w.kref("supplier", "Supplier", "aws")
		w.raw("lifecycle: {in_service_on: 2020-03-02}\n")
	}
}

func (g *gen) headOf(d int) string {
	for _, i := range g.deptMembers[d] {
		if g.people[i].level == 2 {
			return g.people[i].id
		}
	}
	return g.lead["it"]
}

func (g *gen) writeSystemAsset(s *system) {
	w := g.rec("assets/systems/"+s.id+".yaml", "", "Asset", s.id)
	w.kv("title", s.title)
	typ := "service"
	if s.kind == "vcs" {
		typ = "repository"
	} else if s.kind == "cloud" {
		typ = "cloud-account"
	} else if s.kind == "app" {
		typ = "application"
	}
	w.kv("asset_type", typ)
	w.kref("owner", "Person", s.owner)
	w.kref("custodian", "Person", s.custodian)
	w.raw("classification: confidential\n")
	crit := "medium"
	if s.dept < 0 {
		crit = "high"
	}
	w.kv("criticality", crit)
	w.raw("environment: corp\ninternet_facing: false\n")
	if s.supplier != "" {
		w.kref("supplier", "Supplier", s.supplier)
	}
	w.raw("external_ids: {tenant: ")
	w.str(strings.ToLower(g.company) + "." + s.id + ".example")
	w.raw("}\n")
	w.raw("lifecycle: {in_service_on: ")
	w.date(s.inService)
	w.raw("}\n")
	if s.dept < 0 {
		w.raw("continuity: {rto_hours: 8, rpo_hours: 24, plan: Document/plan-bcp-dr, redundancy: multi-region}\n")
	}
}

var clauses = map[string]string{
	"low":      "[confidentiality]",
	"medium":   "[confidentiality, security-requirements, incident-notification]",
	"high":     "[confidentiality, security-requirements, incident-notification, audit-right, subprocessing, data-return-deletion]",
	"critical": "[confidentiality, security-requirements, incident-notification, audit-right, subprocessing, data-return-deletion]",
}

// supplier writes a supplier record unless it exists.
func (g *gen) supplier(id, title, typ, crit, data string, cloud bool) {
	if g.suppliers[id] {
		return
	}
	g.suppliers[id] = true
	w := g.rec("suppliers/"+id+".yaml", "", "Supplier", id)
	w.kv("title", title)
	w.kv("supplier_type", typ)
	w.kv("criticality", crit)
	w.kv("data_access", data)
	w.kbool("is_cloud_service", cloud)
	if cloud {
		w.raw("cloud: {")
		if g.docs["cloud-shared-responsibility"] != nil {
			w.raw("shared_responsibility_doc: Document/cloud-shared-responsibility, ")
		}
		if g.docs["cloud-exit-plan"] != nil {
			w.raw("exit_plan_doc: Document/cloud-exit-plan, ")
		}
		w.raw("data_locations: [EU]}\n")
	}
	start := g.dayIn(g.founded, mkday(2025, 6, 2))
	w.raw("relationship: {start_on: ")
	w.date(start)
	ended := day(0)
	if crit == "low" && g.chance(0.08) {
		ended = g.dayIn(maxDay(start+200, winStart), asOf-90)
		w.raw(", end_on: ")
		w.date(ended)
	}
	w.raw("}\n")
	if crit != "low" {
		dd := start - day(g.between(3, 25))
		w.raw("due_diligence:\n  - {on: ")
		w.date(dd)
		w.raw(", by: ")
		w.ref("Person", g.approverAt(dd, "", g.lead["isms"], g.lead["cto"], g.lead["ceo"]))
		w.raw(", result: approved, scope: security}\n")
		if data == "pii" {
			w.raw("  - {on: ")
			w.date(g.dayIn(mkday(2025, 3, 1), mkday(2026, 6, 30)))
			w.raw(", by: ")
			w.ref("Person", g.lead["privacy"])
			w.raw(", result: approved, scope: privacy}\n")
		}
		from := g.dayIn(mkday(2025, 1, 10), mkday(2026, 6, 30))
		w.raw("certifications:\n  - {scheme: iso27001, scope_covers_service: true, valid_from: ")
		w.date(from)
		w.raw(", valid_to: ")
		w.date(from + 3*365 - 1)
		w.raw("}\n")
	}
	w.raw("contract:\n  signed_on: ")
	w.date(start)
	w.raw("\n  clauses: ")
	if typ == "outsourced-development" {
		w.raw("[confidentiality, security-requirements, incident-notification, audit-right, subprocessing, data-return-deletion, intellectual-property, secure-development]")
	} else {
		w.raw(clauses[crit])
	}
	w.raw("\n  incident_notice_hours: ")
	w.int([]int{24, 48, 72}[g.intn(3)])
	if data == "pii" || data == "confidential" {
		w.raw("\n  dpa_signed_on: ")
		w.date(start)
	}
	w.raw("\n  reviewed_by: ")
	w.ref("Person", g.lead["privacy"])
	w.nl()
	if crit == "critical" {
		w.raw("subprocessors:\n  - {name: ")
		w.str(title + " affiliates and hosting providers")
		w.raw(", reviewed_on: ")
		w.date(g.dayIn(mkday(2026, 1, 5), mkday(2026, 9, 30)))
		w.raw("}\n")
	}
	if crit == "critical" || crit == "high" {
		g.keySuppliers = append(g.keySuppliers, id)
	}
	if crit != "low" {
		last := g.dayIn(mkday(2025, 12, 1), mkday(2026, 10, 30))
		if g.chance(0.03) {
			last = g.dayIn(mkday(2024, 6, 1), mkday(2025, 6, 1)) // overdue review
		}
		w.raw("reviews:\n  - {on: ")
		w.date(last)
		w.raw(", by: ")
		w.ref("Person", g.lead["isms"])
		w.raw(", sla_met: true, incidents_reviewed: true, certs_reviewed: true, outcome: continue}\n")
	}
	if ended != 0 {
		w.raw("offboarding: {access_revoked_on: ")
		w.date(ended)
		w.raw(", data_deletion_confirmed_on: ")
		w.date(ended + day(g.between(5, 40)))
		w.raw("}\n")
	}
	w.kref("owner", "Person", g.lead["it"])
}

var (
	entOkta = func() []string {
		out := make([]string, len(depts)+1)
		for i, d := range depts {
			out[i] = "[Everyone, " + d.name + "]"
		}
		out[execDept] = "[Everyone, Executives]"
		return out
	}()
)

func entitlements(sys string, p *person) string {
	switch sys {
	case "okta":
		return entOkta[p.dept]
	case "google-workspace":
		return "[user]"
	case "slack":
		return "[member]"
	case "zoom":
		return "[licensed]"
	case "jira":
		return "[jira-software-users, confluence-users]"
	case "github-org":
		access := "repo:read"
		for _, r := range p.roles {
			if strings.Contains(r.role, "engineer") {
				access = "repo:write"
			}
		}
		return "[\"team:" + depts[min(p.dept, len(depts)-1)].id + "\", \"" + access + "\"]"
	case "aws-org":
		return "[ReadOnly@prod, Developer@staging]"
	}
	return "[user]"
}

func (g *gen) humanAccounts() {
	for pi, p := range g.people {
		if p.base {
			continue
		}
		dept := "executive"
		if p.dept < len(depts) {
			dept = depts[p.dept].id
		}
		for si, s := range g.systems {
			if s.title == "" {
				continue
			}
			share := 0.0
			switch {
			case s.dept < 0:
				share = coreShare(s.id, dept)
				if p.dept == execDept {
					share = coreShare(s.id, "product")
					if s.id == "okta" || s.id == "google-workspace" || s.id == "slack" || s.id == "zoom" {
						share = 1
					}
				}
			case s.dept == p.dept:
				share = s.share
				if p.level > 0 {
					share = 1
				}
			}
			if share <= 0 || share < 1 && !g.chance(share) {
				continue
			}
			g.addHuman(int32(pi), si, p, false)
		}
	}
	// Administrators: a few IT administrators hold a separate admin identity per system,
	// except in the base bundle's own systems, which have their administrators already.
	var admins []int32
	for _, i := range g.itAdmins {
		if p := g.people[i]; p.end == 0 && p.holds("it-admin", asOf) {
			admins = append(admins, i)
		}
	}
	if len(admins) == 0 {
		return
	}
	for si, s := range g.systems {
		if s.base || s.title == "" {
			continue
		}
		for k := range min(2+g.intn(2), len(admins)) {
			pi := admins[(si*3+k)%len(admins)]
			upgraded := false
			for _, ai := range s.accts {
				if a := &g.accts[ai]; a.holder == pi && a.disabled == 0 {
					a.priv, a.ent, a.mfa = true, "[admin]", "webauthn"
					s.priv, upgraded = true, true
					break
				}
			}
			if !upgraded {
				g.addHuman(pi, si, g.people[pi], true)
			}
		}
	}
}

func (g *gen) addHuman(pi int32, si int, p *person, admin bool) {
	s := g.systems[si]
	a := acct{sys: int32(si), holder: pi, typ: "human", priv: admin}
	if admin {
		a.id = s.id + "-" + p.id
		a.ext = p.id + "@" + g.domain
		a.ent = "[admin]"
		a.mfa = "webauthn"
		a.created = maxDay(p.start+day(g.between(10, 120)), s.inService)
		a.apprBy = g.lead["isms"]
	} else {
		a.id = s.id + "-" + p.id
		a.ext = p.id + "@" + g.domain
		if s.id == "github-org" {
			a.ext = strings.ReplaceAll(p.id, ".", "-") + "-" + strings.ToLower(g.company)
		}
		a.ent = entitlements(s.id, p)
		a.mfa = "sso-enforced"
		if s.kind == "idp" {
			a.mfa = "webauthn"
			if g.chance(0.2) {
				a.mfa = "push"
			}
		}
		if g.chance(0.015) {
			a.mfa = "off"
		}
		a.created = p.start - day(g.intn(5))
		if s.dept >= 0 {
			a.created = p.start + day(g.intn(200))
		}
		a.created = maxDay(a.created, s.inService)
		a.apprBy = p.manager
	}
	if a.created >= observed {
		return
	}
	a.id = g.uniq("Account", a.id)
	a.apprOn = a.created - day(g.between(1, 4))
	a.apprBy = g.approverAt(a.apprOn, p.id, a.apprBy, g.lead["it"], g.lead["cto"], g.lead["ceo"])
	g.ticket++
	a.ticket = g.ticket
	switch {
	case p.end != 0 && p.end <= a.created:
		return
	case p.end != 0:
		if !(p.forgot && s.kind != "idp" && g.chance(0.7)) {
			a.disabled = minDay(p.end+day(g.intn(2)), observed)
		}
		a.login = maxDay(p.end-day(g.intn(3)), a.created)
	default:
		a.login = maxDay(observed-day(g.intn(20)), a.created)
	}
	s.accts = append(s.accts, int32(len(g.accts)))
	if admin {
		s.priv = true
	}
	g.accts = append(g.accts, a)
}

var serviceNames = strings.Fields(`ci-deployer backup-agent monitoring scim-provisioner etl-sync alerting
	terraform reporting-export audit-collector webhook-relay data-loader billing-sync`)

func (g *gen) serviceAccounts() {
	for si, s := range g.systems {
		if s.title == "" {
			continue
		}
		n := len(s.accts)/25 + 1
		for k := range n {
			name := serviceNames[(k+si)%len(serviceNames)]
			id := g.uniq("Account", s.id+"-svc-"+name+"-"+strconv.Itoa(k+1))
			a := acct{id: id, sys: int32(si), holder: -1, typ: "service", ext: "svc-" + name + "-" + strconv.Itoa(k+1),
				ent: "[api]", owner: s.custodian}
			if a.owner == "" {
				a.owner = g.lead["it"]
			}
			a.priv = !s.base && g.chance(0.12)
			if a.priv {
				a.ent = "[api, admin]"
				s.priv = true
			}
			a.created = g.dayIn(s.inService, observed-30)
			if a.created >= observed {
				a.created = observed - 30
			}
			a.apprOn = a.created - day(g.between(1, 3))
			a.apprBy = g.approverAt(a.apprOn, a.owner, g.lead["isms"], g.lead["cto"], g.lead["ceo"], g.lead["it"])
			a.purpose = "Non-human identity of the " + name + " automation"
			g.ticket++
			a.ticket = g.ticket
			a.login = observed - day(g.intn(3))
			a.rotated = maxDay(observed-day(g.intn(80)), a.created)
			if g.chance(0.04) {
				a.rotated = maxDay(observed-day(g.between(120, 400)), a.created)
			}
			s.accts = append(s.accts, int32(len(g.accts)))
			g.accts = append(g.accts, a)
		}
	}
}

func (g *gen) writeAccounts() {
	n := map[int32]int{}
	for i := range g.accts {
		a := &g.accts[i]
		if a.base {
			continue
		}
		s := g.systems[a.sys]
		k := n[a.sys]
		n[a.sys] = k + 1
		p := "accounts/" + s.id + "/export-" + pad(k/500+1, 3) + ".yaml"
		header := ""
		if k%500 == 0 {
			header = "# Accounts in " + s.title + ", exported by the nightly " + s.id + " collector. One document per account.\n"
		}
		w := g.rec(p, header, "Account", a.id)
		if a.purpose != "" {
			w.kv("description", a.purpose)
		}
		w.kref("system", "Asset", s.id)
		w.kv("external_id", a.ext)
		w.kv("account_type", a.typ)
		if a.holder >= 0 {
			w.kref("holder", "Person", g.people[a.holder].id)
		} else {
			w.kref("service_owner", "Person", a.owner)
		}
		w.kbool("privileged", a.priv)
		w.raw("entitlements: ")
		w.raw(a.ent)
		w.nl()
		switch a.mfa {
		case "":
		case "off":
			w.raw("mfa: {enabled: false}\n")
		default:
			w.raw("mfa: {enabled: true, method: ")
			w.raw(a.mfa)
			w.raw("}\n")
		}
		w.kdate("created_on", a.created)
		w.raw("approval_ref: {by: ")
		w.ref("Person", a.apprBy)
		w.raw(", on: ")
		w.date(a.apprOn)
		w.raw(", ticket: IT-")
		w.int(a.ticket)
		w.raw("}\n")
		if a.disabled != 0 {
			w.kdate("disabled_on", a.disabled)
		}
		if a.login != 0 {
			w.kdate("last_login_on", a.login)
		}
		if a.rotated != 0 {
			w.kdate("credential_rotated_on", a.rotated)
		}
		w.kdate("observed_on", observed)
	}
}

// ---------------------------------------------------------------------------------------
// Training and acknowledgements

func (g *gen) training() {
	type course struct {
		id, typ, version string
		published        day
	}
	get := func(id string) (course, bool) {
		d, ok := g.docs[id]
		if !ok {
			return course{}, false
		}
		t := d.courseType
		if t == "" {
			t = courseType(d.topic)
		}
		return course{id, t, d.version, d.published}, true
	}
	written := map[string]bool{}
	write := func(p *person, c course, on day, passed bool, suffix string) {
		if on >= asOf || (p.end != 0 && on >= p.end) || on < p.start-30 {
			return
		}
		y := on.year()
		id := "tr-" + p.id + "-" + c.id + "-" + strconv.Itoa(y) + suffix
		if written[id] {
			return
		}
		written[id] = true
		w := g.rec(g.batched("training_records/"+strconv.Itoa(y)+"/"+c.id, 2000),
			"# Course completions exported from the LMS by the nightly LMS collector.\n", "TrainingRecord", id)
		w.kref("person", "Person", p.id)
		w.kref("course", "Document", c.id)
		w.kv("course_type", c.typ)
		w.kdate("completed_on", on)
		w.kbool("passed", passed)
	}
	onboarding, hasOnb := get("course-security-onboarding")
	aw25, has25 := get("course-awareness-2025")
	aw26, has26 := get("course-awareness-2026")
	lit, hasLit := get("course-ai-literacy")
	priv, hasPriv := get("course-privacy")
	done := map[string]bool{}
	for _, p := range g.people {
		if p.base {
			continue
		}
		clear(done)
		clear(written)
		if hasOnb {
			write(p, onboarding, p.start+day(g.intn(14)), true, "")
		}
		if has25 && p.activeOn(mkday(2025, 3, 31)) && p.start < mkday(2025, 2, 1) && !g.chance(0.02) {
			write(p, aw25, g.dayIn(maxDay(aw25.published, mkday(2025, 2, 3)), mkday(2025, 4, 15)), true, "")
		}
		if has26 && p.activeOn(mkday(2026, 3, 31)) && p.start < mkday(2026, 2, 1) && !g.chance(0.02) {
			on := g.dayIn(maxDay(aw26.published, mkday(2026, 2, 2)), mkday(2026, 4, 15))
			if g.chance(0.01) {
				write(p, aw26, on-day(g.between(3, 10)), false, "-1")
			}
			write(p, aw26, on, true, "")
		}
		// Role courses: every year the role is held, within its renewal period.
		for _, r := range p.roles {
			for _, cp := range g.roles[r.role].courses {
				c, ok := get(cp.course)
				if !ok {
					continue
				}
				for _, y := range []int{2025, 2026} {
					key := c.id + strconv.Itoa(y)
					if done[key] {
						continue
					}
					done[key] = true
					lo := maxDay(maxDay(mkday(y, 1, 12), c.published), r.from)
					hi := mkday(y, 10, 30)
					if y == 2026 && r.from > hi {
						hi = minDay(r.from+25, asOf-1)
					}
					if lo > hi || (r.to != 0 && r.to < lo) || (y == 2026 && g.chance(0.025)) {
						continue
					}
					write(p, c, g.dayIn(lo, hi), true, "")
				}
			}
		}
		if hasLit && !done[lit.id+"2026"] && !g.chance(0.02) {
			// AI literacy is required of everyone since the EU AI Act.
			write(p, lit, g.dayIn(maxDay(maxDay(lit.published, p.start), mkday(2026, 2, 2)), mkday(2026, 11, 20)), true, "")
		}
		if hasPriv && !done[priv.id+"2026"] && p.dept < len(depts) {
			switch depts[p.dept].id {
			case "sales", "marketing", "people", "legal":
				write(p, priv, g.dayIn(maxDay(priv.published, mkday(2026, 2, 2)), mkday(2026, 9, 30)), true, "")
			}
		}
	}
}

func major(v string) string {
	m, _, _ := strings.Cut(strings.TrimPrefix(v, "v"), ".")
	return m
}

func (g *gen) acknowledgements() {
	var policies []*docDef
	for _, id := range g.docList {
		if d := g.docs[id]; d.ack {
			policies = append(policies, d)
		}
	}
	ack := func(p *person, typ, docID string, on day, method string) {
		d := g.docs[docID]
		if d == nil || on >= asOf || on < p.start-60 {
			return
		}
		version := d.version
		if on < d.published {
			version = "1.0.0"
		}
		y := on.year()
		id := "ack-" + p.id + "-" + docID + "-" + major(version)
		w := g.rec(g.batched("acknowledgements/"+strconv.Itoa(y)+"/"+docID, 2000),
			"# Signed acknowledgements exported by the nightly HR and LMS collectors.\n", "Acknowledgement", id)
		w.kref("person", "Person", p.id)
		w.kv("ack_type", typ)
		w.kref("document", "Document", docID)
		w.kv("document_version", version)
		w.kdate("signed_on", on)
		w.kv("method", method)
	}
	for _, p := range g.people {
		if p.base {
			continue
		}
		signed := p.start - day(g.between(7, 30))
		if p.emp == "contractor" {
			ack(p, "contractor-agreement", "tmpl-contractor-agreement", signed, "e-sign")
		} else {
			ack(p, "employment-terms", "tmpl-employment-contract", signed, "e-sign")
		}
		ack(p, "nda", "tmpl-nda", signed, "e-sign")
		if p.end != 0 {
			ack(p, "exit-obligations", "tmpl-exit-obligations", p.end-day(g.intn(3)), "e-sign")
		}
		for _, d := range policies {
			on := maxDay(d.published, p.start) + day(g.between(1, 20))
			if (p.end != 0 && on >= p.end) || g.chance(0.015) {
				continue
			}
			ack(p, "policy", d.id, on, "lms")
		}
	}
}

// ---------------------------------------------------------------------------------------
// Access reviews

type arPeriod struct {
	id    string
	start day
	priv  bool
}

var arPeriods = []arPeriod{
	{"2025q1", mkday(2025, 3, 10), true},
	{"2025h1", mkday(2025, 6, 2), false},
	{"2025q2", mkday(2025, 6, 9), true},
	{"2025q3", mkday(2025, 9, 8), true},
	{"2025h2", mkday(2025, 11, 24), false},
	{"2025q4", mkday(2025, 12, 1), true},
	{"2026q1", mkday(2026, 3, 9), true},
	{"2026h1", mkday(2026, 6, 1), false},
	{"2026q2", mkday(2026, 6, 8), true},
	{"2026q3", mkday(2026, 9, 7), true},
	{"2026h2", mkday(2026, 11, 9), false},
	{"2026q4", mkday(2026, 11, 9), true},
}

func (g *gen) accessReviews() {
	for _, s := range g.systems {
		generated := false
		for _, ai := range s.accts {
			if !g.accts[ai].base {
				generated = true
				break
			}
		}
		if !generated {
			continue
		}
		owner := s.owner
		if owner == "" {
			owner = g.lead["it"]
		}
		for _, per := range arPeriods {
			if per.priv && !s.priv {
				continue
			}
			if s.stale && (per.id == "2026h1" || per.id == "2026h2" || per.id == "2026q3" || per.id == "2026q4") {
				continue
			}
			g.accessReview(s, per, owner)
		}
	}
}

func (g *gen) accessReview(s *system, per arPeriod, reviewer string) {
	started := per.start + day(g.intn(5))
	completed := started + day(g.between(2, 6))
	var items []int32
	for _, ai := range s.accts {
		a := &g.accts[ai]
		if a.created > started || (a.disabled != 0 && a.disabled <= started) {
			continue
		}
		if per.priv && !a.priv {
			continue
		}
		items = append(items, ai)
	}
	if len(items) == 0 {
		return
	}
	typ := "standard"
	suffix := ""
	if per.priv {
		typ, suffix = "privileged", "-privileged"
	} else if s.kind == "vcs" {
		typ = "source-code"
	}
	id := g.uniq("AccessReview", "ar-"+per.id+"-"+s.id+suffix)
	w := g.rec("access_reviews/"+s.id+"/"+per.id+suffix+".yaml", "", "AccessReview", id)
	w.raw("title: \"")
	w.raw(per.id)
	w.raw(" ")
	w.raw(typ)
	w.raw(" access review: ")
	w.raw(s.id)
	w.raw("\"\nsystems: [")
	w.ref("Asset", s.id)
	w.raw("]\nreview_type: ")
	w.raw(typ)
	w.nl()
	w.kref("reviewer", "Person", reviewer)
	w.kdate("started_on", started)
	w.kdate("completed_on", completed)
	w.raw("population_snapshot:\n  count: ")
	w.int(len(items))
	w.raw("\n  sha256: ")
	w.hex(g.hex(64))
	w.raw("\n  source: integration/")
	w.raw(s.id)
	w.raw("\nitems:\n")
	for _, ai := range items {
		a := &g.accts[ai]
		decision := "keep"
		decided := started + day(g.intn(int(completed-started)+1))
		var remediated day
		if !a.base {
			left := a.holder >= 0 && g.people[a.holder].end != 0 && g.people[a.holder].end <= started
			switch u := g.r.Float64(); {
			case left && u < 0.3, !left && s.kind != "idp" && u < 0.012:
				decision = "revoke"
			case !left && u < 0.022:
				decision = "modify"
			}
			if decision != "keep" && !g.chance(0.03) {
				remediated = minDay(decided+day(g.intn(8)), observed)
				if decision == "revoke" && (a.disabled == 0 || a.disabled > remediated) {
					a.disabled = remediated
					a.login = minDay(a.login, remediated)
				}
			}
		}
		self, manager := a.owner, ""
		if a.holder >= 0 {
			self, manager = g.people[a.holder].id, g.people[a.holder].manager
		}
		by := g.approverAt(decided, self, manager, reviewer, g.lead["isms"], g.lead["ceo"])
		w.raw("  - {account: ")
		w.ref("Account", a.id)
		w.raw(", decision: ")
		w.raw(decision)
		w.raw(", decided_by: ")
		w.ref("Person", by)
		w.raw(", decided_on: ")
		w.date(decided)
		if remediated != 0 {
			w.raw(", remediated_on: ")
			w.date(remediated)
		}
		w.raw("}\n")
	}
}

// ---------------------------------------------------------------------------------------
// Infrastructure: services with their repositories, applications, data stores and servers

type service struct {
	name  string
	owner string // team lead
	team  int32
	app   string
	db    string
	repo  string
}

type scanAsset struct {
	id     string
	svc    int32
	env    string
	kind   string
	facing bool // internet facing
}

// awsAccount is the id of the AWS account that holds a service's resources in one environment:
// production and non-production live in separate accounts.
func awsAccount(svc int32, env string) string {
	if env == "prod" {
		return "2109876" + pad(int(svc)%100000, 5)
	}
	return "3109876" + pad(int(svc)%100000, 5)
}

func (g *gen) infrastructure(n int) {
	var engLeads []int32
	for _, i := range g.teamLeads {
		if d := g.people[i].dept; depts[d].tech {
			engLeads = append(engLeads, i)
		}
	}
	if len(engLeads) == 0 {
		engLeads = g.teamLeads
	}
	used := map[string]int{}
	count := 0
	for count < n {
		name := g.pick(serviceWords) + "-" + g.pick(serviceSuffixes)
		if k := used[name]; k > 0 {
			used[name] = k + 1
			name += "-" + strconv.Itoa(k+1)
		} else {
			used[name] = 1
		}
		owner := g.lead["cto"]
		var team int32 = -1
		if len(engLeads) > 0 {
			team = engLeads[g.intn(len(engLeads))]
			owner = g.people[team].id
		}
		sv := &service{name: name, owner: owner, team: team}
		si := int32(len(g.services))
		g.services = append(g.services, sv)
		inService := g.dayIn(g.founded+60, asOf-120)
		custodian := owner
		if team >= 0 {
			custodian = g.pickActive(g.deptMembers[g.people[team].dept], asOf, owner)
		}
		// repository
		sv.repo = g.uniq("Asset", "repo-"+name)
		w := g.rec(g.batched("assets/repositories/inventory", 500), "", "Asset", sv.repo)
		w.kv("title", "Repository "+strings.ToLower(g.company)+"/"+name)
		w.raw("asset_type: repository\n")
		w.kref("owner", "Person", owner)
		w.raw("classification: confidential\ncriticality: high\nenvironment: prod\ninternet_facing: false\n")
		if g.suppliers["github"] {
			w.kref("supplier", "Supplier", "github")
		}
		w.raw("external_ids: {repo: ")
		w.str("github.com/" + strings.ToLower(g.company) + "/" + name)
		w.raw("}\nlifecycle: {in_service_on: ")
		w.date(inService - 30)
		w.raw("}\n")
		g.repos = append(g.repos, scanAsset{sv.repo, si, "prod", "repository", false})
		count++
		// applications
		facing := g.chance(0.3)
		for _, env := range []string{"prod", "staging"} {
			if env == "staging" && !g.chance(0.5) {
				continue
			}
			id := g.uniq("Asset", "app-"+name+"-"+env)
			if env == "prod" {
				sv.app = id
			}
			w := g.rec(g.batched("assets/applications/inventory", 500), "", "Asset", id)
			w.kv("title", title1(strings.ReplaceAll(name, "-", " "))+" ("+env+")")
			w.raw("asset_type: application\n")
			w.kref("owner", "Person", owner)
			w.kref("custodian", "Person", custodian)
			w.raw("classification: confidential\n")
			crit := "high"
			if env != "prod" {
				crit = "low"
			}
			w.kv("criticality", crit)
			w.kv("environment", env)
			w.kbool("internet_facing", facing && env == "prod")
			w.kv("region", g.region)
			w.kref("supplier", "Supplier", "aws")
			w.raw("external_ids:\n  cloud_arn: \"arn:aws:ecs:")
			w.raw(g.region)
			w.raw(":")
			w.raw(awsAccount(si, env))
			w.raw(":service/")
			w.raw(env)
			w.raw("/")
			w.raw(name)
			w.raw("\"\n  repo: ")
			w.str(strings.ToLower(g.company) + "/" + name)
			w.raw("\nlifecycle: {in_service_on: ")
			w.date(inService)
			w.raw("}\n")
			if env == "prod" {
				w.raw("continuity: {rto_hours: 8, rpo_hours: 24, plan: Document/plan-bcp-dr, redundancy: multi-az}\n")
				g.prodApps = append(g.prodApps, scanAsset{id, si, env, "application", facing})
			}
			g.scan = append(g.scan, scanAsset{id, si, env, "application", facing && env == "prod"})
			count++
		}
		// data store
		if g.chance(0.55) {
			id := g.uniq("Asset", "db-"+name+"-prod")
			sv.db = id
			w := g.rec(g.batched("assets/data_stores/inventory", 500), "", "Asset", id)
			w.kv("title", "Database of "+name+" (Aurora PostgreSQL)")
			w.raw("asset_type: data-store\n")
			w.kref("owner", "Person", owner)
			w.kref("custodian", "Person", custodian)
			pii := g.chance(0.6)
			if pii {
				w.raw("classification: restricted\ncriticality: critical\n")
			} else {
				w.raw("classification: confidential\ncriticality: high\n")
			}
			w.raw("environment: prod\ninternet_facing: false\n")
			w.kv("region", g.region)
			w.kref("supplier", "Supplier", "aws")
			w.raw("external_ids: {cloud_arn: \"arn:aws:rds:")
			w.raw(g.region)
			w.raw(":")
			w.raw(awsAccount(si, "prod"))
			w.raw(":cluster:")
			w.raw(name)
			w.raw("\"}\nlifecycle: {in_service_on: ")
			w.date(inService)
			w.raw("}\n")
			if pii {
				w.raw("pii:\n  contains_pii: true\n  categories: [contact, account]\n  purpose: Providing the service to customers\n  lawful_basis: contract\n  retention_days: 2555\n  privacy_risk: ")
				if g.chance(0.33) {
					w.raw("high\n")
					if _, ok := g.docs["dpia-customer-data"]; ok && !g.chance(0.03) {
						w.raw("  dpia: Document/dpia-customer-data\n")
					}
				} else {
					w.raw("low\n")
				}
			}
			w.raw("continuity: {rto_hours: 8, rpo_hours: 24, plan: Document/plan-bcp-dr, redundancy: multi-az}\n")
			if g.chance(0.97) {
				w.raw("backup: {required: true, frequency_hours: 24, retention_days: 35, encrypted: true, separate_location: true}\n")
			} else {
				w.raw("backup: {required: true, frequency_hours: 24, retention_days: 7, encrypted: false, separate_location: false}\n")
			}
			g.scan = append(g.scan, scanAsset{id, si, "prod", "data-store", false})
			g.dataStores = append(g.dataStores, scanAsset{id, si, "prod", "data-store", false})
			count++
		}
		// servers
		for k := range g.between(1, 5) {
			env := "prod"
			if k > 0 && g.chance(0.3) {
				env = "staging"
			}
			id := g.uniq("Asset", "srv-"+name+"-"+env+"-"+pad(k+1, 2))
			w := g.rec(g.batched("assets/servers/"+env, 500), "", "Asset", id)
			w.kv("title", "Server "+id)
			w.raw("asset_type: server\n")
			w.kref("owner", "Person", owner)
			w.kref("custodian", "Person", custodian)
			w.raw("classification: confidential\n")
			w.raw("criticality: low\n") // one of several instances; the application carries the criticality
			w.kv("environment", env)
			w.raw("internet_facing: false\n")
			w.kv("region", g.region)
			w.kref("supplier", "Supplier", "aws")
			w.raw("external_ids: {hostname: ")
			w.raw(id)
			w.raw(", cloud_arn: \"arn:aws:ec2:")
			w.raw(g.region)
			w.raw(":")
			w.raw(awsAccount(si, env))
			w.raw(":instance/i-")
			w.raw(g.hex(17))
			w.raw("\"}\nlifecycle: {in_service_on: ")
			w.date(inService + day(g.intn(400)))
			w.raw("}\n")
			g.scan = append(g.scan, scanAsset{id, si, env, "server", false})
			count++
		}
	}
}

// ---------------------------------------------------------------------------------------
// Suppliers, documents, logging, risks

func (g *gen) extraSuppliers(n int) {
	used := map[string]bool{}
	types := []string{"saas", "saas", "saas", "professional-services", "paas", "outsourced-development"}
	for k := 0; k < n; k++ {
		id := g.pick(vendorHeads) + g.pick(vendorTails)
		for used[id] || g.suppliers[id] {
			id += strconv.Itoa(g.intn(10))
		}
		used[id] = true
		typ := types[g.intn(len(types))]
		crit := []string{"low", "low", "medium", "medium", "high"}[g.intn(5)]
		data := []string{"none", "internal", "confidential", "pii"}[g.intn(4)]
		g.supplier(g.uniq("Supplier", id), title1(id)+" GmbH", typ, crit, data, typ == "saas" || typ == "paas")
	}
}

func (g *gen) extraDocuments(n int) {
	kinds := []struct{ prefix, docType, topic, title string }{
		{"runbook", "technical-doc", "runbook", "Runbook: "},
		{"design", "design", "architecture", "Design: "},
		{"threat-model", "design", "threat-model", "Threat model: "},
		{"user-guide", "user-doc", "user-guide", "User guide: "},
	}
	for k := 0; k < n && len(g.services) > 0; k++ {
		sv := g.services[k%len(g.services)]
		kd := kinds[(k/len(g.services))%len(kinds)]
		id := g.uniq("Document", kd.prefix+"-"+sv.name)
		if k >= len(g.services)*len(kinds) {
			id += "-" + strconv.Itoa(k)
		}
		d := &docDef{id: id, title: kd.title + sv.name, docType: kd.docType, topic: kd.topic,
			version:   strconv.Itoa(g.between(1, 4)) + "." + strconv.Itoa(g.intn(5)) + ".0",
			published: g.dayIn(winStart, asOf-20)}
		subject := ""
		if sv.app != "" {
			subject = "Asset/" + sv.app
		}
		g.writeDoc(d, "documents/"+kd.prefix+"/"+id+".yaml", sv.owner, subject)
	}
}

// loggingSources configures logging for every company system, production application and
// data store (a few are missing, a realistic gap).
func (g *gen) loggingSources() {
	var srcs []scanAsset
	for _, s := range g.systems {
		if !s.base && s.title != "" {
			srcs = append(srcs, scanAsset{id: s.id, svc: -1, kind: "system"})
		}
	}
	srcs = append(srcs, g.prodApps...)
	srcs = append(srcs, g.dataStores...)
	for _, a := range srcs {
		if g.chance(0.02) {
			continue
		}
		id := g.uniq("LoggingSource", "log-"+a.id)
		w := g.rec(g.batched("logging_sources/sources", 200), "", "LoggingSource", id)
		w.kv("title", "Audit and security logs of "+a.id)
		w.kref("system", "Asset", a.id)
		if a.kind == "data-store" {
			w.raw("log_types: [auth, admin-activity, data-access]\n")
		} else if a.kind == "system" {
			w.raw("log_types: [auth, admin-activity]\n")
		} else {
			w.raw("log_types: [auth, admin-activity, security-event]\n")
		}
		w.kref("destination", "Asset", g.siem)
		if g.chance(0.97) {
			w.raw("retention_days: 400\n")
		} else {
			w.raw("retention_days: 30\n")
		}
		w.raw("integrity: {immutable: true, validation: true}\n")
		w.raw("access_roles: [Role/isms-manager, Role/incident-responder]\n")
		w.raw("time_source: Amazon Time Sync Service (169.254.169.123)\n")
		w.raw("alert_rules:\n  - {id: auth-failure-spike, detection: Failed logins more than 5x the hourly baseline, severity: high, enabled: true}\n")
		w.raw("  - {id: admin-change, detection: Administrative configuration change outside a change window, severity: medium, enabled: true}\n")
		w.raw("  - {id: capacity-saturation, detection: \"CPU, memory or storage above 85% for 15 minutes\", severity: medium, enabled: true}\n")
		w.raw("review_interval_days: 30\n")
		w.kdate("observed_on", observed)
		if a.svc >= 0 {
			w.kref("owner", "Person", g.services[a.svc].owner)
		} else {
			w.kref("owner", "Person", g.lead["it"])
		}
	}
}

var riskTemplates = []struct{ domain, text, controls, action string }{
	{"information-security", "An unpatched vulnerability in %s is exploited and customer data is read or changed", `["iso27001:A.8.8", "iso27001:A.8.9"]`,
		"scan the base images daily and rebuild on every critical fix"},
	{"information-security", "Stolen credentials of an engineer give an attacker access to %s", `["iso27001:A.5.17", "iso27001:A.8.5"]`,
		"enforce phishing-resistant MFA for every administrator"},
	{"information-security", "A misconfiguration of %s exposes it to the internet", `["iso27001:A.8.9", "iso27001:A.8.20"]`,
		"add the service to the cloud posture baseline and alert on drift"},
	{"privacy", "Personal data held by %s is kept longer than the retention schedule allows", `["iso27001:A.5.33", "iso27001:A.5.34"]`,
		"add automated deletion after the retention period"},
	{"continuity", "An outage of %s exceeds its recovery time objective", `["iso27001:A.5.30", "iso27001:A.8.13"]`,
		"add a restore test to the half-yearly exercise plan"},
	{"information-security", "A malicious dependency is pulled into the build of %s", `["iso27001:A.8.28", "iso27001:A.8.25"]`,
		"pin dependencies and require review of new packages"},
}

func (g *gen) riskRegister(n int) {
	nr := max(n*55/100, 1)
	if len(g.services) == 0 {
		return
	}
	k := 0
	// Every supplier we depend on much has a risk of its own.
	for i, sup := range g.keySuppliers {
		id := g.uniq("Risk", "risk-supplier-"+pad(i+1, 4))
		g.risks = append(g.risks, id)
		assessed := g.dayIn(mkday(2025, 12, 1), asOf-5)
		w := g.rec("risks/suppliers.yaml", "", "Risk", id)
		w.raw("domain: information-security\nkind_of_entry: risk\n")
		w.kv("description", "An outage or a breach at "+sup+" affects the services that depend on it")
		w.raw("affects: [")
		w.ref("Supplier", sup)
		w.raw("]\n")
		w.kref("owner", "Person", g.lead["isms"])
		w.raw("inherent: {likelihood: 2, impact: 4, score: 8}\nresidual: {likelihood: 1, impact: 4, score: 4}\ntreatment_option: share\n")
		w.raw("controls: [\"iso27001:A.5.19\", \"iso27001:A.5.22\"]\n")
		w.kdate("last_assessed_on", assessed)
	}
	for i := range nr {
		sv := g.services[g.intn(len(g.services))]
		t := riskTemplates[g.intn(len(riskTemplates))]
		id := g.uniq("Risk", "risk-"+pad(i+1, 5))
		g.risks = append(g.risks, id)
		assessed := g.dayIn(mkday(2025, 11, 15), asOf-5)
		if g.chance(0.03) {
			assessed = g.dayIn(winStart, mkday(2025, 10, 1)) // not reassessed for more than a year
		}
		li, im := g.between(2, 5), g.between(2, 5)
		option := "modify"
		if li*im <= 6 {
			option = "retain"
		}
		w := g.rec("risks/register-"+pad(i/500+1, 3)+".yaml", "", "Risk", id)
		w.kv("domain", t.domain)
		w.raw("kind_of_entry: risk\n")
		w.kv("description", fmt.Sprintf(t.text, sv.name))
		w.raw("affects: [")
		target := sv.repo
		if sv.app != "" {
			target = sv.app
		}
		w.ref("Asset", target)
		if sv.db != "" {
			w.raw(", ")
			w.ref("Asset", sv.db)
		}
		w.raw("]\n")
		w.kref("owner", "Person", sv.owner)
		w.raw("inherent: {likelihood: ")
		w.int(li)
		w.raw(", impact: ")
		w.int(im)
		w.raw(", score: ")
		w.int(li * im)
		w.raw("}\n")
		rl := max(li-g.between(1, 2), 1)
		w.raw("residual: {likelihood: ")
		w.int(rl)
		w.raw(", impact: ")
		w.int(im)
		w.raw(", score: ")
		w.int(rl * im)
		w.raw("}\n")
		w.kv("treatment_option", option)
		var treatments []string
		if option == "modify" {
			for j := range g.between(1, 2) {
				treatments = append(treatments, g.uniq("RiskTreatment", "rtr-"+pad(i+1, 5)+"-"+string(rune('a'+j))))
			}
			w.raw("treatments: ")
			w.refs("RiskTreatment", treatments)
			w.nl()
		}
		w.raw("controls: ")
		w.raw(t.controls)
		w.nl()
		w.raw("acceptance: {accepted_by: ")
		w.ref("Person", sv.owner)
		w.raw(", on: ")
		w.date(assessed + 2)
		w.raw(", expires_on: ")
		w.date(assessed + 367)
		w.raw("}\n")
		w.kdate("last_assessed_on", assessed)
		w.kdate("recorded_on", assessed-day(g.intn(300)))
		for _, tid := range treatments {
			k++
			w := g.rec("risk_treatments/plan-"+pad((k-1)/500+1, 3)+".yaml", "", "RiskTreatment", tid)
			w.kref("risk", "Risk", id)
			w.kv("action", title1(t.action)+" ("+sv.name+")")
			w.raw("controls: ")
			w.raw(t.controls)
			w.nl()
			w.kref("owner", "Person", sv.owner)
			due := assessed + day(g.between(30, 180))
			w.kdate("due_on", due)
			if due < asOf && !g.chance(0.05) {
				done := due - day(g.intn(25))
				w.kdate("completed_on", done)
				if done+30 < asOf {
					w.kdate("verified_on", done+day(g.between(7, 30)))
				}
			}
		}
	}
}

// ---------------------------------------------------------------------------------------
// Changes, incidents, exercises, activities

func (g *gen) changeRecords(n int) {
	if len(g.services) == 0 {
		return
	}
	for k := range n {
		sv := g.services[g.intn(len(g.services))]
		deployed := g.dayIn(winStart, asOf-1)
		y, m := deployed.ym()
		class := "normal"
		switch u := g.r.Float64(); {
		case u < 0.2:
			class = "standard"
		case u < 0.23:
			class = "emergency"
		case u < 0.28:
			class = "infrastructure"
		}
		id := "chg-" + strings.ReplaceAll(dateString(deployed), "-", "") + "-" + pad(k+1, 6)
		w := g.rec("change_records/"+strconv.Itoa(y)+"/"+pad(m, 2)+".yaml", "", "ChangeRecord", id)
		w.kv("title", g.pick([]string{"Release", "Dependency upgrade", "Configuration change", "Schema migration", "Feature flag rollout", "Bug fix"})+" for "+sv.name)
		w.kv("change_class", class)
		target := sv.repo
		if sv.app != "" {
			target = sv.app
		}
		w.raw("systems: [")
		w.ref("Asset", target)
		w.raw("]\nenvironment: prod\n")
		author := sv.owner
		if sv.team >= 0 {
			author = g.pickActive(g.deptMembers[g.people[sv.team].dept], deployed, sv.owner)
		}
		w.kref("author", "Person", author)
		approver := g.pickActiveNot(g.changeApprove, deployed, author)
		if !g.chance(0.015) {
			on := deployed - 1
			if class == "emergency" {
				on = deployed + 1
			}
			w.raw("approvals: [{by: ")
			w.ref("Person", approver)
			w.raw(", role: Role/change-approver, on: ")
			w.date(on)
			w.raw(", decision: approved}]\n")
		}
		w.kts("requested_on", deployed-day(g.between(1, 5)), g.between(28800, 61200))
		sec := g.between(21600, 64800)
		w.kts("deployed_on", deployed, sec)
		ci := strconv.Itoa(10000 + k)
		w.raw("tests:\n  - {type: unit, result: pass, ref: \"ci:" + ci + "\"}\n")
		if class != "standard" {
			w.raw("  - {type: integration, result: pass, ref: \"ci:" + ci + "\"}\n")
		}
		w.raw("  - {type: sast, result: pass, ref: \"ci:semgrep-" + ci + "\"}\n")
		if !g.chance(0.015) {
			w.raw("  - {type: sca, result: pass, ref: \"ci:osv-" + ci + "\"}\n")
		}
		w.raw("rollback_plan: true\n")
		w.raw("security_review: {required: false}\nsignificant: false\n")
		if class == "emergency" {
			w.raw("retro_approval: {by: ")
			w.ref("Person", approver)
			w.raw(", on: ")
			w.ts(deployed+1, 32400)
			w.raw("}\n")
		}
		w.kv("pr", "https://github.com/"+strings.ToLower(g.company)+"/"+sv.name+"/pull/"+strconv.Itoa(100+k))
		w.kv("commit", "c"+g.hex(7))
		w.kv("pipeline_run", "gha-"+ci)
	}
}

func (g *gen) incidents(n int) {
	for k := range n {
		reported := g.dayIn(winStart, asOf-2)
		y, m := reported.ym()
		id := "inc-" + strconv.Itoa(y) + "-" + pad(k+1, 5)
		w := g.rec("incidents/"+strconv.Itoa(y)+"/"+pad(m, 2)+".yaml", "", "Incident", id)
		incident := g.chance(0.25)
		cat, sev := "security-event", "sev4"
		if incident {
			cat = "security-incident"
			sev = []string{"sev2", "sev3", "sev3", "sev4"}[g.intn(4)]
		}
		w.kv("title", g.pick([]string{"Phishing e-mail reported", "Suspicious login alert", "Malware detection on a laptop", "Lost phone", "Unexpected admin change", "Credential exposed in a ticket"}))
		w.raw("systems: [isms]\n")
		w.kv("category", cat)
		w.kv("severity", sev)
		sec := g.between(25200, 72000)
		w.kts("reported_on", reported, sec)
		reporter := g.pickActive(g.deptMembers[g.intn(len(depts))], reported, g.lead["isms"])
		w.kref("reported_via", "CommsChannel", g.channel)
		w.kref("reported_by", "Person", reporter)
		lead := g.pickActiveNot(g.incidentLeads, reported, "")
		handler := g.pickResponder(reported, lead)
		w.raw("triage: {decided_on: ")
		w.ts(reported, sec+1800)
		w.raw(", decided_by: ")
		w.ref("Person", handler)
		if incident {
			w.raw(", classification: incident}\n")
		} else {
			w.raw(", classification: not-incident}\n")
		}
		w.kref("owner", "Person", lead)
		resolved, rsec := reported+day(g.between(0, 3)), g.between(28800, 64800)
		if resolved >= asOf {
			resolved = reported
		}
		if resolved == reported {
			rsec = min(sec+g.between(3600, 14400), 86399)
		}
		closed := minDay(resolved+day(g.between(1, 20)), asOf-1)
		w.raw("timeline:\n  detected_on: ")
		w.ts(reported, sec)
		if incident {
			w.raw("\n  contained_on: ")
			w.ts(reported, min(sec+1800+g.intn(3600), 86399))
		}
		w.raw("\n  resolved_on: ")
		w.ts(resolved, rsec)
		w.raw("\n  closed_on: ")
		w.ts(closed, 86399)
		w.nl()
		if len(g.scan) > 0 {
			w.raw("affected: [")
			w.ref("Asset", g.scan[g.intn(len(g.scan))].id)
			w.raw("]\n")
		}
		if incident {
			w.raw("post_incident_review:\n  completed_on: ")
			w.date(closed)
			w.raw("\n  root_cause: Missing control on the affected system\n  lessons: Detection worked; containment took longer than planned\n  no_action_rationale: Covered by existing treatment plans\n")
		}
	}
}

// exercises tests the recovery of every service once a year (a few are missed), and adds n
// tabletop exercises.
func (g *gen) exercises(n int) {
	k := 0
	write := func(typ string, on day, scope []string, owner, other string, targets bool) {
		k++
		id := "ex-" + typ + "-" + dateString(on) + "-" + pad(k, 5)
		w := g.rec("exercises/"+strconv.Itoa(on.year())+".yaml", "", "Exercise", id)
		w.kv("exercise_type", typ)
		w.raw("scope: [")
		w.raw(strings.Join(scope, ", "))
		w.raw("]\n")
		w.kdate("performed_on", on)
		w.raw("participants: ")
		w.refs("Person", uniqStrings(owner, other))
		w.nl()
		if targets {
			w.raw("targets: {rto_hours: 8, rpo_hours: 24}\nachieved: {rto_hours: ")
			w.float(float64(g.between(5, 70)) / 10)
			w.raw(", rpo_hours: ")
			w.float(float64(g.between(1, 20)) / 10)
			w.raw(", data_integrity_ok: true}\n")
		}
		w.raw("result: pass\nsecurity_controls_maintained: true\n")
		w.raw("lessons: Runbook steps held; one missing permission was added to the recovery role\n")
		w.kref("owner", "Person", owner)
	}
	for _, sv := range g.services {
		if (sv.app == "" && sv.db == "") || g.chance(0.03) {
			continue
		}
		on := g.dayIn(asOf-170, asOf-3)
		typ := "dr-failover"
		if sv.db != "" {
			typ = "restore-test"
		}
		var scope []string
		for _, a := range []string{sv.app, sv.db} {
			if a != "" {
				scope = append(scope, "Asset/"+a)
			}
		}
		owner := sv.owner
		if !g.activeAt(owner, on) {
			owner = g.lead["cto"]
		}
		write(typ, on, scope, owner, g.pickActive(g.engineers, on, owner), true)
	}
	plans := []string{"plan-incident-response", "plan-bcp-dr"}
	for i := range n {
		plan := plans[i%2]
		if _, ok := g.docs[plan]; !ok {
			plan = "plan-bcp-dr"
		}
		typ := "incident-tabletop"
		if plan == "plan-bcp-dr" {
			typ = "bcp-tabletop"
		}
		on := g.dayIn(winStart, asOf-3)
		write(typ, on, []string{"Document/" + plan}, g.approverAt(on, "", g.lead["isms"], g.lead["ceo"]), g.pickActive(g.security, on, ""), false)
	}
}

var activityPlan = []struct {
	typ    string
	every  int // days between two of them
	weight int
}{{"log-review", 28, 30}, {"threat-intel-review", 28, 15}, {"dlp-alert-review", 28, 12}, {"alert-triage-review", 28, 10},
	{"firewall-rule-review", 150, 6}, {"capacity-review", 90, 6}, {"asset-inventory-review", 170, 5},
	{"clear-desk-check", 80, 6}, {"policy-compliance-check", 80, 5}}

// activities writes the recurring control tasks on their schedule, the most recent first,
// then adds more of them on random days until there are n.
func (g *gen) activities(n int) {
	type planned struct {
		typ int
		on  day
	}
	var plan []planned
	for i, a := range activityPlan {
		for on := asOf - day(g.between(1, min(a.every, 10))); on >= winStart; on -= day(a.every - g.intn(4)) {
			plan = append(plan, planned{i, on})
		}
	}
	slices.SortStableFunc(plan, func(a, b planned) int { return cmp.Compare(b.on, a.on) })
	plan = plan[:min(len(plan), max(n, len(activityPlan)))]
	total := 0
	for _, a := range activityPlan {
		total += a.weight
	}
	for len(plan) < n {
		u := g.intn(total)
		i := 0
		for u >= activityPlan[i].weight {
			u -= activityPlan[i].weight
			i++
		}
		plan = append(plan, planned{i, g.dayIn(winStart, asOf-1)})
	}
	seq := make([]int, len(activityPlan))
	for _, pl := range plan {
		typ, on := activityPlan[pl.typ].typ, pl.on
		seq[pl.typ]++
		id := typ + "-" + dateString(on) + "-" + pad(seq[pl.typ], 4)
		w := g.rec("activities/"+typ+"/"+strconv.Itoa(on.year())+".yaml", "", "Activity", id)
		w.kv("activity_type", typ)
		w.raw("subject_refs: [")
		switch {
		case typ == "clear-desk-check":
			w.ref("Site", g.office)
		case typ == "asset-inventory-review" && len(g.msIDs) > 0:
			// the whole inventory: no individual asset
			for i, id := range g.msIDs {
				if i > 0 {
					w.raw(", ")
				}
				w.ref("ManagementSystem", id)
			}
		case typ == "policy-compliance-check" && g.docs["pol-information-security"] != nil:
			w.ref("Document", "pol-information-security")
		case typ == "firewall-rule-review" || typ == "capacity-review":
			if len(g.scan) == 0 {
				w.ref("Asset", g.siem)
				break
			}
			for i := range g.between(1, 4) {
				if i > 0 {
					w.raw(", ")
				}
				w.ref("Asset", g.scan[g.intn(len(g.scan))].id)
			}
		default:
			w.ref("Asset", g.siem)
		}
		w.raw("]\n")
		by := g.pickActive(g.security, on, g.lead["isms"])
		if typ == "asset-inventory-review" {
			by = g.approverAt(on, "", g.lead["it"], g.lead["isms"], g.lead["cto"])
		}
		w.kref("performed_by", "Person", by)
		w.kdate("performed_on", on)
		w.raw("period_covered: {from: ")
		w.date(on - 28)
		w.raw(", to: ")
		w.date(on)
		w.raw("}\n")
		if len(g.risks) > 0 && g.chance(0.08) {
			w.raw("outcome: issues-found\noutputs: [")
			w.ref("Risk", g.risks[g.intn(len(g.risks))])
			w.raw("]\n")
		} else {
			w.raw("outcome: ok\n")
		}
		if typ == "alert-triage-review" {
			w.raw("metrics: {alerts_triaged: ")
			w.int(g.between(20, 400))
			w.raw(", max_triage_hours: ")
			w.float(float64(g.between(5, 200)) / 10)
			w.raw("}\n")
		} else {
			w.raw("metrics: {items_reviewed: ")
			w.int(g.between(5, 400))
			w.raw("}\n")
		}
	}
}

// ---------------------------------------------------------------------------------------
// AI systems, datasets and model records

func (g *gen) aiCore() {
	if len(g.aiSystems) > 0 {
		return
	}
	techOwner := g.lead["ai"]
	if len(g.dataScience) > 0 {
		techOwner = g.people[g.dataScience[0]].id
		for _, i := range g.deptMembers[g.deptIndex("data-science")] {
			if g.people[i].level == 2 {
				techOwner = g.people[i].id
			}
		}
	}
	for _, ai := range []struct{ id, title, purpose, use string }{
		{"lead-scoring", "Lead scoring", "Rank inbound sales leads by their likelihood to convert", "Sales prioritisation aid for account executives; every lead stays visible and can be worked regardless of its score"},
		{"ticket-summarizer", "Ticket summarizer", "Summarise long customer tickets for support agents", "Drafts a summary shown next to the ticket; agents read the full ticket before answering"},
	} {
		id := g.uniq("AISystem", ai.id)
		g.aiSystems = append(g.aiSystems, id)
		w := g.rec("ai/ai_systems/"+id+".yaml", "", "AISystem", id)
		w.kv("title", ai.title)
		w.raw("systems: [aims]\nai_role: provider-and-user\n")
		w.raw("lifecycle:\n  - {stage: inception, from: 2024-02-05}\n  - {stage: development, from: 2024-04-01}\n  - {stage: deployment, from: 2024-09-02}\n  - {stage: operation, from: 2024-09-02}\n")
		w.kref("owner", "Person", g.lead["ai"])
		w.kref("technical_owner", "Person", techOwner)
		w.kv("purpose", ai.purpose)
		w.kv("intended_use", ai.use)
		w.raw("risk_tier: limited\n")
		w.raw("affects: {users: true, customers: false, employees: true, public: false, decisions_with_legal_effect: false}\n")
		w.raw("oversight: {mode: on-the-loop, can_override: true}\n")
	}
}

func (g *gen) deptIndex(id string) int {
	for i, d := range depts {
		if d.id == id {
			return i
		}
	}
	return 0
}

func (g *gen) datasetsAndModels(nd, nm int) {
	if len(g.aiSystems) == 0 {
		return
	}
	owner := g.pickActive(g.dataScience, asOf, g.lead["ai"])
	var datasets []string
	var digests []string
	for k := range max(nd, 1) {
		ai := g.aiSystems[k%len(g.aiSystems)]
		created := g.dayIn(winStart, asOf-10)
		y, m := created.ym()
		purpose := []string{"training", "evaluation", "test", "validation"}[k%4]
		id := g.uniq("Dataset", ai+"-"+purpose+"-"+strconv.Itoa(y)+"q"+strconv.Itoa((m-1)/3+1)+"-"+pad(k+1, 3))
		sum := g.hex(64)
		for !strings.ContainsAny(sum, "abcdf") {
			sum = g.hex(64)
		}
		datasets, digests = append(datasets, id), append(digests, sum)
		w := g.rec("ai/datasets/"+ai+"-generated.yaml", "", "Dataset", id)
		w.raw("systems: [aims]\nai_systems: [")
		w.ref("AISystem", ai)
		w.raw("]\n")
		w.kv("purpose", purpose)
		w.kv("version", strconv.Itoa(y)+"q"+strconv.Itoa((m-1)/3+1)+"."+strconv.Itoa(k+1))
		w.kv("content_sha256", sum)
		w.kdate("created_on", created)
		w.kref("owner", "Person", owner)
		w.raw("classification: confidential\npii: {contains_pii: true, lawful_basis: contract}\n")
		w.raw("acquisition: {source_type: internal, acquired_on: ")
		w.date(created - day(g.between(1, 10)))
		w.raw(", collection_method: Pseudonymised export from the production database, rights_basis: own-data}\n")
		w.raw("quality:\n  checked_on: ")
		w.date(created + 1)
		w.raw("\n  checked_by: ")
		w.ref("Person", owner)
		w.raw("\n  criteria:\n    - {name: label_noise_estimate, threshold: 0.08, value: ")
		w.float(float64(g.between(1, 7)) / 100)
		w.raw(", met: true}\n")
		if purpose == "training" {
			w.raw("bias_analysis: {performed_on: ")
			w.date(created + 2)
			w.raw(", attributes: [language, customer_size]}\n")
		}
		w.raw("retention_days: 730\n")
		w.raw("known_limitations: Small customers and rare languages are under-represented\n")
		w.raw("reviews: [{by: ")
		w.ref("Person", owner)
		w.raw(", on: ")
		w.date(maxDay(created+3, g.dayIn(asOf-300, asOf-10)))
		w.raw(", outcome: no-change}]\n")
	}
	for k := range max(nm, 1) {
		ai := g.aiSystems[k%len(g.aiSystems)]
		di := k % len(datasets)
		trained := g.dayIn(winStart, asOf-5)
		id := g.uniq("ModelRecord", ai+"-candidate-"+pad(k+1, 4))
		w := g.rec("ai/model_records/"+ai+"-candidates.yaml", "", "ModelRecord", id)
		w.kv("description", "Candidate model trained in an experiment; not released")
		w.raw("systems: [aims]\n")
		w.kref("ai_system", "AISystem", ai)
		w.kv("model_version", "0."+strconv.Itoa(k+1)+".0-rc1")
		w.raw("training:\n  code_commit: ")
		w.raw("c" + g.hex(7))
		w.raw("\n  datasets:\n    - dataset: ")
		w.ref("Dataset", datasets[di])
		w.raw("\n      sha256: ")
		w.raw(digests[di])
		w.raw("\n  trained_on: ")
		w.date(trained)
		w.raw("\nevaluation:\n  results:\n    - {criterion: macro_f1_holdout, category: performance, metric: macro_f1, threshold: 0.85, value: ")
		v := 0.78 + float64(g.intn(12))/100
		w.float(v)
		w.raw(", passed: ")
		w.bool(v >= 0.85)
		w.raw(", evaluated_on: ")
		w.date(trained + 2)
		w.raw("}\n")
		w.kref("owner", "Person", owner)
	}
}

// ---------------------------------------------------------------------------------------
// Test runs and findings

type testRun struct {
	id     string
	typ    string
	on     day
	sec    int
	assets []int32 // indices into the scanned list
	list   *[]scanAsset
	seg    int
	by     string
	finds  []int32
}

type segment struct {
	typ   string
	list  *[]scanAsset
	lo    int
	hi    int
	runs  []int // indices into the runs, by date
	every int   // days between runs
}

// planTestRuns lays out the scan runs: every segment of assets is scanned regularly, the
// latest run within the scan interval (except for a few segments that missed it).
func (g *gen) planTestRuns(n int) []*testRun {
	var segs []*segment
	add := func(typ string, list *[]scanAsset, size int) {
		for lo := 0; lo < len(*list); lo += size {
			segs = append(segs, &segment{typ: typ, list: list, lo: lo, hi: min(lo+size, len(*list))})
		}
	}
	add("vuln-scan", &g.scan, 25)
	add("sast", &g.repos, 20)
	add("sca", &g.repos, 20)
	add("secrets-scan", &g.repos, 40)
	if len(segs) == 0 || n == 0 {
		return nil
	}
	share := map[string]float64{"vuln-scan": 0.6, "sast": 0.17, "sca": 0.15, "secrets-scan": 0.08}
	bytype := map[string]int{}
	for _, s := range segs {
		bytype[s.typ]++
	}
	var runs []*testRun
	for si, s := range segs {
		per := max(int(float64(n)*share[s.typ]/float64(bytype[s.typ])), 1)
		recent := asOf - day(g.between(1, 6))
		if s.typ == "vuln-scan" {
			recent = asOf - day(g.between(1, 25))
		}
		if g.chance(0.03) {
			recent = asOf - day(g.between(35, 80)) // a segment whose scans stopped
		}
		step := max(int(recent-winStart)/per, 1)
		for k := per - 1; k >= 0; k-- {
			on := recent - day(k*step) + day(g.intn(max(step/4, 1)))
			on = minDay(on, recent)
			tr := &testRun{typ: s.typ, on: on, sec: g.between(3600, 18000), list: s.list, seg: si}
			for i := s.lo; i < s.hi; i++ {
				tr.assets = append(tr.assets, int32(i))
			}
			tr.id = strings.ReplaceAll(s.typ, "vuln-scan", "vulnscan") + "-" + dateString(on) + "-s" + pad(si+1, 4)
			tr.by = g.pickActive(g.security, on, g.lead["isms"])
			s.runs = append(s.runs, len(runs))
			runs = append(runs, tr)
		}
	}
	return runs
}

// ---------------------------------------------------------------------------------------
// Configuration and posture snapshots

type check struct{ id, severity string }

var (
	endpointChecks = []check{{"disk_encryption", "high"}, {"screen_lock_max_5_minutes", "medium"},
		{"os_supported_and_patched_30d", "high"}, {"edr_running_definitions_current", "high"}, {"firewall_enabled", "medium"},
		{"usb_storage_blocked", "medium"}, {"secure_dns_web_filter_active", "medium"}, {"remote_lock_wipe_enabled", "high"},
		{"local_admin_removed", "medium"}, {"time_sync_enabled", "low"}, {"app_control_enforced", "medium"}}
	usbChecks       = []check{{"usb_mass_storage_blocked", "medium"}}
	dataStoreChecks = []check{{"rds_instance_storage_encrypted", "high"}, {"rds_instance_multi_az", "medium"},
		{"rds_instance_no_public_access", "critical"}, {"backup_plans_exist_for_tagged_resources", "high"}}
	appChecks    = []check{{"ecs_service_multi_az", "medium"}, {"ecs_task_no_privileged_containers", "medium"}}
	facingChecks = []check{{"ecs_service_multi_az", "medium"}, {"ecs_task_no_privileged_containers", "medium"},
		{"elbv2_listener_tls_1_2_or_higher", "high"}, {"wafv2_webacl_attached", "high"}}
	serverChecks = []check{{"ec2_securitygroup_no_admin_ports_open_to_internet", "high"}, {"ec2_ebs_volume_encrypted", "high"},
		{"ec2_instance_imdsv2_required", "medium"}}
	accountChecks = []check{{"no-wildcard-admin-policy", "high"}, {"no-root-access-keys", "critical"}, {"root-mfa", "critical"},
		{"no-unused-credentials-90d", "medium"}, {"cloudtrail_multi_region_enabled", "high"}, {"guardduty_is_enabled", "high"},
		{"account_separation_prod_nonprod", "high"}}
	repoChecks = []check{{"branch_protection_no_direct_push", "high"}, {"repository_private", "critical"},
		{"gate:peer-review", "high"}, {"gate:unit-tests", "medium"}, {"gate:sast", "medium"}, {"gate:sca", "medium"},
		{"gate:secrets-scan", "high"}, {"secret_scanning_push_protection", "high"}}
	licenseChecks     = []check{{"no-disallowed-licenses", "medium"}}
	serverAgentChecks = []check{{"edr_running_definitions_current", "high"}, {"time_sync_enabled", "low"}}
	backupChecks      = []check{{"last_backup_completed", "high"}, {"cross_region_copy_completed", "high"}}
	retainChecks      = []check{{"retention_deletion_rule_enabled", "medium"}}
	idpChecks         = []check{{"mfa_required_all_users", "critical"}, {"phishing_resistant_factors_only", "high"},
		{"min_password_length_14", "medium"}, {"lockout_threshold_max_10", "medium"}, {"session_lifetime_max_12h", "medium"},
		{"admin_count_max_4", "medium"}, {"no-unused-credentials-90d", "medium"}}
	pentestChecks = []check{{"owasp-asvs-l2-reviewed", "info"}}
)

type snap struct {
	asset  string
	checks []check
}

// snapshots writes the latest configuration and posture exports the collectors took: device
// posture and removable-storage control for laptops, cloud posture for the product services,
// repository settings and licence scans, backup status and deletion rules for data stores,
// identity-provider settings, and the yearly penetration tests of internet-facing
// applications. A small share of checks fails. It returns how many TestRuns it wrote.
func (g *gen) snapshots() int {
	before := g.counts["TestRun"]
	batches := func(typ, tool string, size int, items []snap, fail float64) {
		for b := 0; b*size < len(items); b++ {
			id := typ + "-" + dateString(observed) + "-b" + pad(b+1, 3)
			failed := g.snapshot(typ, id, tool, observed, 3600+b*60, items[b*size:min((b+1)*size, len(items))], fail)
			if typ != "cspm" {
				continue
			}
			// The cloud posture tool opens a misconfiguration finding for each failed check.
			for i := 0; i+2 < len(failed); i += 3 {
				asset, check, sev := failed[i], failed[i+1], failed[i+2]
				w := g.rec("findings/2026/11.yaml", "", "Finding", g.uniq("Finding", strings.ReplaceAll(check, "_", "-")+"-"+asset))
				w.kref("source", "TestRun", id)
				w.raw("finding_type: misconfiguration\n")
				w.kref("asset", "Asset", asset)
				w.kv("identifier", check)
				w.kv("severity", sev)
				w.raw("known_exploited: false\n")
				w.kdate("first_seen_on", observed)
			}
		}
	}
	var eps, usb []snap
	for _, id := range g.endpoints {
		eps = append(eps, snap{id, endpointChecks})
		usb = append(usb, snap{id, usbChecks})
	}
	batches("mdm-posture", "tool: {name: mdm-compliance-export, version: \"2026.11\"}\n", 500, eps, 0.015)
	batches("usb-control", "tool: {name: device-control-export, version: \"2026.11\"}\n", 1000, usb, 0.005)
	var cloud, repos, license, backup, retain []snap
	if s, ok := g.sysIndex["aws-org"]; ok && !g.systems[s].base {
		cloud = append(cloud, snap{"aws-org", accountChecks})
	}
	for _, a := range g.scan {
		switch {
		case a.kind == "data-store":
			cloud = append(cloud, snap{a.id, dataStoreChecks})
			backup = append(backup, snap{a.id, backupChecks})
			retain = append(retain, snap{a.id, retainChecks})
		case a.kind == "application" && a.facing:
			cloud = append(cloud, snap{a.id, facingChecks})
		case a.kind == "application":
			cloud = append(cloud, snap{a.id, appChecks})
		default:
			cloud = append(cloud, snap{a.id, serverChecks})
		}
	}
	for _, a := range g.repos {
		repos = append(repos, snap{a.id, repoChecks})
		license = append(license, snap{a.id, licenseChecks})
	}
	var servers []snap
	for _, a := range g.scan {
		if a.kind == "server" {
			servers = append(servers, snap{a.id, serverAgentChecks})
		}
	}
	batches("edr", "tool: {name: edr-sensor-health-export, version: \"7.14\"}\n", 500, servers, 0.01)
	batches("cspm", "tool: {name: prowler, version: \"4.5\", ruleset: aws-foundational}\n", 300, cloud, 0.01)
	batches("vcs-settings", "tool: {name: github-org-settings-export, version: \"1.8\"}\n", 200, repos, 0.01)
	batches("license-scan", "tool: {name: scancode, version: \"32.2\"}\n", 300, license, 0.01)
	batches("backup-status", "tool: {name: aws-backup-report, version: \"2026.11\"}\n", 300, backup, 0.01)
	batches("lifecycle-rules", "tool: {name: retention-rules-export, version: \"1.2\"}\n", 300, retain, 0.01)
	if s, ok := g.sysIndex["okta"]; ok && !g.systems[s].base {
		batches("idp", "tool: {name: okta-settings-export, version: \"2.3\"}\n", 1, []snap{{"okta", idpChecks}}, 0)
	}
	// Yearly penetration tests of the internet-facing applications, in batches.
	var facing []snap
	for _, a := range g.prodApps {
		if a.facing {
			facing = append(facing, snap{a.id, pentestChecks})
		}
	}
	for b := 0; b*15 < len(facing); b++ {
		items := facing[b*15 : min((b+1)*15, len(facing))]
		for _, y := range []int{2025, 2026} {
			on := g.dayIn(mkday(y, 2, 2), mkday(y, 10, 30))
			if y == 2026 && g.chance(0.04) {
				continue // this year's test was skipped
			}
			g.snapshot("pentest", "pentest-"+dateString(on)+"-b"+pad(b+1, 3), "tool: {name: manual penetration test, ruleset: OWASP ASVS 4.0 level 2}\n",
				on, 32400, items, 0)
		}
	}
	return g.counts["TestRun"] - before
}

// snapshot writes one TestRun with a result per check and asset.
func (g *gen) snapshot(typ, id, tool string, on day, sec int, items []snap, fail float64) []string {
	y, m := on.ym()
	w := g.rec("test_runs/"+typ+"/"+strconv.Itoa(y)+"-"+pad(m, 2)+".yaml", "", "TestRun", id)
	w.kv("test_type", typ)
	w.raw(tool)
	w.kts("performed_on", on, sec)
	w.kref("performed_by", "Person", g.pickActive(g.security, on, g.lead["isms"]))
	w.raw("scope:\n  - ")
	w.str(typ + " export, batch of " + strconv.Itoa(len(items)) + " assets")
	w.nl()
	w.raw("coverage: {in_scope: ")
	w.int(len(items))
	w.raw(", covered: ")
	w.int(len(items))
	w.raw(", missing: []}\n")
	if typ == "pentest" {
		approved := on - day(g.between(7, 20))
		w.raw("rules_of_engagement:\n  approved_by: ")
		w.ref("Person", g.approverAt(approved, "", g.lead["isms"], g.lead["cto"], g.lead["ceo"]))
		w.raw("\n  approved_on: ")
		w.date(approved)
		w.raw("\n  window: {from: ")
		w.ts(on, 0)
		w.raw(", to: ")
		w.ts(on+day(g.between(5, 12)), 86399)
		w.raw("}\n")
	}
	w.raw("results:\n")
	var failed []string // asset and check of each failed result
	for _, it := range items {
		bad := -1
		if fail > 0 && g.chance(fail) {
			bad = g.intn(len(it.checks))
		}
		for i, c := range it.checks {
			w.raw("  - {check_id: ")
			w.str(c.id)
			w.raw(", resource: ")
			w.ref("Asset", it.asset)
			if i == bad {
				w.raw(", status: fail, severity: ")
				failed = append(failed, it.asset, c.id, c.severity)
			} else {
				w.raw(", status: pass, severity: ")
			}
			w.raw(c.severity)
			w.raw("}\n")
		}
	}
	w.raw("artifact:\n  uri: \"s3://")
	w.raw(strings.ToLower(g.company))
	w.raw("-evidence/testruns/")
	w.raw(id)
	w.raw(".json\"\n  sha256: ")
	w.hex(g.hex(64))
	w.raw("\n  format: json\n")
	return failed
}

type finding struct {
	id         string
	run        int32 // -1 when not found by a test run
	asset      string
	typ        string
	ident      string
	sev        string
	first      day
	resolved   day
	verifiedBy int32
	exception  string
	exploited  bool
	src        string // how it became known, when not by a test run
}

var slaDays = map[string]int{"critical": 15, "high": 30, "medium": 90, "low": 180}

func (g *gen) findings(n int, runs []*testRun) []finding {
	out := make([]finding, 0, n)
	used := map[string]bool{}
	// runs of one segment, by date, to find the scan that verified a fix
	bySeg := map[int][]int32{}
	for i, r := range runs {
		bySeg[r.seg] = append(bySeg[r.seg], int32(i))
	}
	for _, l := range bySeg {
		slices.SortFunc(l, func(a, b int32) int { return cmp.Compare(runs[a].on, runs[b].on) })
	}
	assetSeg := map[string]int{} // the vulnerability-scan segment of each asset
	for _, r := range runs {
		if r.typ == "vuln-scan" {
			for _, ai := range r.assets {
				assetSeg[(*r.list)[ai].id] = r.seg
			}
		}
	}
	excN := 0
	for range n {
		f := finding{run: -1, verifiedBy: -1}
		if len(runs) > 0 && g.chance(0.9) {
			ri := int32(g.intn(len(runs)))
			r := runs[ri]
			f.run = ri
			a := (*r.list)[r.assets[g.intn(len(r.assets))]]
			f.asset, f.first = a.id, r.on
			switch r.typ {
			case "vuln-scan":
				f.typ, f.ident = "vulnerability", "CVE-"+strconv.Itoa(g.between(2023, r.on.year()))+"-"+strconv.Itoa(g.between(1000, 59999))
			case "sast":
				f.typ, f.ident = "code", "semgrep:"+g.pick([]string{"sql-injection", "path-traversal", "ssrf", "xss-template", "insecure-deserialization", "hardcoded-jwt-secret"})
			case "sca":
				f.typ, f.ident = "dependency", "GHSA-"+ghsa(g)+"-"+ghsa(g)+"-"+ghsa(g)
			default:
				f.typ, f.ident = "secret", "gitleaks:"+g.pick([]string{"aws-access-key", "github-pat", "slack-webhook", "private-key"})
			}
		} else if len(g.prodApps) > 0 {
			a := g.prodApps[g.intn(len(g.prodApps))]
			f.asset, f.first = a.id, g.dayIn(winStart, asOf-1)
			f.src = g.pick([]string{"pentest", "bug-bounty", "manual"})
			f.typ, f.ident = "vulnerability", f.src+"-"+strconv.Itoa(g.between(100, 9999))
		} else {
			break
		}
		switch u := g.r.Float64(); {
		case u < 0.04:
			f.sev = "critical"
		case u < 0.22:
			f.sev = "high"
		case u < 0.65:
			f.sev = "medium"
		default:
			f.sev = "low"
		}
		if f.typ == "secret" {
			f.sev = "high"
		}
		sla := slaDays[f.sev]
		if f.typ == "vulnerability" && (f.sev == "critical" || f.sev == "high") && g.chance(0.03) {
			f.exploited = true
			sla = 14
		}
		switch u := g.r.Float64(); {
		case u < 0.9: // fixed in time
			f.resolved = f.first + day(g.between(0, sla))
			if f.typ == "secret" {
				f.resolved = f.first + day(g.intn(2))
			}
		case u < 0.94: // fixed late
			f.resolved = f.first + day(sla+g.between(1, 60))
		case u < 0.98: // still open
		default: // open, under an approved exception
			if f.first+day(sla) < asOf {
				excN++
				f.exception = g.uniq("Exception", "exc-"+strconv.Itoa(f.first.year())+"-"+pad(excN, 5))
			}
		}
		if f.resolved >= asOf {
			f.resolved = 0 // not fixed yet
		}
		base := strings.ToLower(f.ident)
		base = strings.NewReplacer(":", "-", "_", "-").Replace(base) + "-" + f.asset
		id := base
		for k := 2; used[id]; k++ {
			id = base + "-" + strconv.Itoa(k)
		}
		used[id] = true
		f.id = g.uniq("Finding", id)
		seg := -1
		if f.run >= 0 {
			seg = runs[f.run].seg
		} else if s, ok := assetSeg[f.asset]; ok {
			seg = s
		}
		if f.resolved != 0 && seg >= 0 {
			for _, ri := range bySeg[seg] {
				if runs[ri].on > f.resolved {
					f.verifiedBy = ri
					break
				}
			}
		}
		out = append(out, f)
	}
	for i := range out {
		g.writeFinding(&out[i], runs)
		if out[i].run >= 0 {
			r := runs[out[i].run]
			r.finds = append(r.finds, int32(i))
		}
	}
	return out
}

func ghsa(g *gen) string {
	const chars = "23456789cfghjmpqrvwx"
	b := make([]byte, 4)
	for i := range b {
		b[i] = chars[g.intn(len(chars))]
	}
	return string(b)
}

func (g *gen) writeFinding(f *finding, runs []*testRun) {
	y, m := f.first.ym()
	w := g.rec("findings/"+strconv.Itoa(y)+"/"+pad(m, 2)+".yaml", "", "Finding", f.id)
	if f.run >= 0 {
		w.kref("source", "TestRun", runs[f.run].id)
	} else {
		w.kv("source", f.src)
	}
	w.kv("finding_type", f.typ)
	w.kref("asset", "Asset", f.asset)
	w.kv("identifier", f.ident)
	w.kv("severity", f.sev)
	w.kbool("known_exploited", f.exploited)
	if f.exploited {
		w.kdate("catalogue_due_on", f.first+14)
	}
	w.kdate("first_seen_on", f.first)
	if f.resolved != 0 {
		w.kdate("resolved_on", f.resolved)
		if f.verifiedBy >= 0 {
			w.kref("verified_by", "TestRun", runs[f.verifiedBy].id)
		}
	}
	if f.exception != "" {
		w.kref("exception", "Exception", f.exception)
		g.writeException(f)
	}
}

func (g *gen) writeException(f *finding) {
	approved := f.first + day(slaDays[f.sev]) - day(g.between(1, 5))
	w := g.rec("exceptions/"+strconv.Itoa(approved.year())+".yaml", "", "Exception", f.exception)
	w.kv("title", "No fix available yet for "+f.ident)
	w.raw("applies_to: [\"rule:8.8/R2\", ")
	w.ref("Finding", f.id)
	w.raw("]\ncontrols: [\"iso27001:A.8.8\"]\n")
	w.raw("reason: No fixed release of the affected component exists yet\n")
	w.raw("compensating_controls: The affected endpoint is behind the WAF and reachable only by authenticated users\n")
	requester := g.lead["cto"]
	for _, sv := range g.services {
		if strings.Contains(f.asset, sv.name) {
			requester = sv.owner
			break
		}
	}
	approver := g.lead["isms"]
	if approver == requester {
		approver = g.lead["ceo"]
	}
	w.kref("requested_by", "Person", requester)
	w.kref("approved_by", "Person", approver)
	w.kdate("approved_on", approved)
	expires := approved + day(g.between(90, 300))
	if expires-approved > 365 {
		expires = approved + 365
	}
	w.kdate("expires_on", expires)
	if len(g.risks) > 0 {
		w.kref("risk", "Risk", g.risks[g.intn(len(g.risks))])
	}
	w.kref("owner", "Person", requester)
}

var tools = map[string]string{
	"vuln-scan":    "tool:\n  name: Amazon Inspector + Trivy\n  version: trivy 0.58\n  ruleset: \"CVE feeds (NVD, GHSA, vendor)\"\n",
	"sast":         "tool: {name: semgrep, version: \"1.95\", ruleset: p/default}\n",
	"sca":          "tool: {name: osv-scanner, version: \"1.9\"}\n",
	"secrets-scan": "tool: {name: gitleaks, version: \"8.21\"}\n",
}

var passCheck = map[string]string{
	"vuln-scan":    "no-open-critical-high-cves",
	"sast":         "no-high-sast-findings",
	"sca":          "no-vulnerable-dependencies",
	"secrets-scan": "no-secrets",
}

func (g *gen) writeTestRuns(runs []*testRun, fs []finding) {
	// open findings by asset, to report them as failed checks while they stay open
	byAsset := map[string][]int32{}
	for i := range fs {
		if fs[i].run >= 0 {
			byAsset[fs[i].asset] = append(byAsset[fs[i].asset], int32(i))
		}
	}
	for _, r := range runs {
		y, m := r.on.ym()
		w := g.rec("test_runs/"+r.typ+"/"+strconv.Itoa(y)+"-"+pad(m, 2)+".yaml", "", "TestRun", r.id)
		w.kv("test_type", r.typ)
		w.raw(tools[r.typ])
		w.kts("performed_on", r.on, r.sec)
		w.kref("performed_by", "Person", r.by)
		w.raw("scope:\n")
		for _, ai := range r.assets {
			w.raw("  - ")
			w.ref("Asset", (*r.list)[ai].id)
			w.nl()
		}
		w.raw("coverage: {in_scope: ")
		w.int(len(r.assets))
		w.raw(", covered: ")
		w.int(len(r.assets))
		w.raw(", missing: []}\nresults:\n")
		for _, ai := range r.assets {
			id := (*r.list)[ai].id
			failed := false
			for _, fi := range byAsset[id] {
				f := &fs[fi]
				if runs[f.run].typ != r.typ || f.first > r.on || (f.resolved != 0 && f.resolved <= r.on) {
					continue
				}
				failed = true
				w.raw("  - {check_id: ")
				w.str(f.ident)
				w.raw(", resource: ")
				w.ref("Asset", id)
				w.raw(", status: fail, severity: ")
				w.raw(f.sev)
				w.raw("}\n")
			}
			if !failed {
				w.raw("  - {check_id: ")
				w.raw(passCheck[r.typ])
				w.raw(", resource: ")
				w.ref("Asset", id)
				w.raw(", status: pass, severity: info}\n")
			}
		}
		if len(r.finds) > 0 {
			w.raw("findings:\n")
			for _, fi := range r.finds {
				w.raw("  - ")
				w.ref("Finding", fs[fi].id)
				w.nl()
			}
		}
		w.raw("artifact:\n  uri: \"s3://")
		w.raw(strings.ToLower(g.company))
		w.raw("-evidence/testruns/")
		w.raw(r.id)
		w.raw(".json\"\n  sha256: ")
		w.hex(g.hex(64))
		w.raw("\n  format: json\n")
	}
}
