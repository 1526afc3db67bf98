/* The directory's model (issue 9): profiles that members choose to list,
 * with per-field visibility; one shared vocabulary of tags for skills
 * offered, skills wanted and interests; organisations and their members;
 * finding people (filters, accent-blind search, the reader's collation);
 * suggestions with their reasons as data; mentorships from request to
 * end. Every write is one call that checks the permission, writes, audits
 * and tells the other side in the inbox in one transaction. Core makes no
 * text for people: reasons, levels, kinds come back as codes and catalog
 * keys (the tables below), and the UI makes the words.
 *
 * Who sees what:
 *   - a profile appears (in lists, suggestions, directory_profile_get)
 *     only when its member listed it, no moderator hid it, the account is
 *     not suspended and neither side has blocked the other; its owner
 *     always sees it whole, moderators see hidden ones (to lift it);
 *   - the display name and the mentoring offer go with the listing; every
 *     other field (enum dir_field) has its visibility: everyone (guests
 *     too), members, or mentorship (only people in an ACTIVE mentorship
 *     with the owner). A field the viewer may not see is absent from what
 *     is returned, and filters and suggestions never match on it, so
 *     neither tells what it holds.
 * Who may do what:
 *   - members edit their own profile, request mentorships, answer those
 *     sent to them as mentor, end their own active ones;
 *   - moderators and admins hide and show profiles (with a reason,
 *     audited; the owner is told why in the inbox, "directory.hidden")
 *     and merge tags;
 *   - admins add organisations; an organisation's admins (and site
 *     admins) edit it and its members.
 * Keys: "error.directory.guest", "error.directory.suspended",
 * "error.directory.not_allowed", "error.directory.not_found",
 * "error.directory.bio_length" (field "bio", {0} the limit),
 * "error.directory.eldership" ("eldership"), "error.directory.language"
 * ("languages": unknown code, bad level or too many, {0} the limit),
 * "error.directory.tag" ("offers", "wants" or "interests": a tag empty
 * or too long, {0} the length limit; "tag" in a merge),
 * "error.directory.tags" (the same
 * fields: too many, {0} the limit), "error.directory.mentees"
 * ("max_mentees", {0} the limit), "error.directory.reason_length"
 * ("reason", {0}), "error.directory.message_length" ("message", {0}),
 * "error.directory.self", "error.directory.blocked" (the same whichever
 * side blocked), "error.directory.not_mentor" (they offer no mentoring),
 * "error.directory.mentor_full", "error.directory.request_open" (a
 * request or mentorship with them is open already),
 * "error.directory.state" (answering what is not a request, ending what
 * is not active), "error.directory.org_name" ("name", {0}),
 * "error.directory.org_text" ("description" or "contact", {0}),
 * "error.directory.org_kind" ("kind"), "error.internal". */
#ifndef TINKLAS_DIRECTORY_H
#define TINKLAS_DIRECTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/accounts.h"	/* ACCOUNT_*_MAX */
#include "core/actor.h"
#include "core/error.h"

struct db;

/* Limits, in code points unless said. */
#define DIR_BIO_MAX		500
#define DIR_TAG_MAX		32
#define DIR_TAGS_MAX		10	/* per kind and profile */
#define DIR_LANGS_MAX		8
#define DIR_MENTEES_MAX		20
#define DIR_REASON_MAX		200
#define DIR_MESSAGE_MAX		1000	/* requests, answers, reflections */
#define DIR_ORG_NAME_MAX	120
#define DIR_ORG_TEXT_MAX	1000	/* description, contact */
#define DIR_ELDERSHIP_MAX	16	/* bytes of a code */

/* The fields with a visibility. */
enum dir_field {
	DIR_F_BIO,
	DIR_F_ELDERSHIP,
	DIR_F_LANGUAGES,
	DIR_F_OFFERS,		/* skills offered */
	DIR_F_WANTS,		/* skills wanted */
	DIR_F_INTERESTS,
	DIR_F_AVAIL,
	DIR_NFIELDS
};
#define DIR_FIELD_BIT(f)	(1u << (f))

enum dir_vis { DIR_VIS_EVERYONE, DIR_VIS_MEMBERS, DIR_VIS_MENTORSHIP };
#define DIR_VIS_DEFAULT		DIR_VIS_MEMBERS

/* The three uses of a tag on a profile, in the order of their fields. */
enum dir_tag_kind { DIR_OFFERS, DIR_WANTS, DIR_INTERESTS, DIR_NKINDS };

enum dir_level { DIR_BASIC, DIR_GOOD, DIR_FLUENT, DIR_NATIVE };

/* Availability bits. */
#define DIR_AV_WEEKDAYS		(1u << 0)
#define DIR_AV_EVENINGS		(1u << 1)
#define DIR_AV_WEEKENDS		(1u << 2)
#define DIR_AV_ONLINE		(1u << 3)
#define DIR_AV_IN_PERSON	(1u << 4)
#define DIR_AV_ALL		0x1fu

/* A code the database keeps and the catalog key of its name. */
struct dir_code {
	const char	*code;
	const char	*key;
};
/* Indexed by enum dir_level, enum dir_vis, the availability bit's
 * number; NULL-terminated. */
extern const struct dir_code dir_levels[];
extern const struct dir_code dir_visibilities[];
extern const struct dir_code dir_availability[];
/* Organisation kinds: school, university, library, ngo, municipal. */
extern const struct dir_code dir_org_kinds[];
/* Elderships are the calendar's (cal_elderships, core/calendar.h), and
 * one more: DIR_OUTSIDE, someone outside Kaunas. */
#define DIR_OUTSIDE		"outside"
extern const char dir_outside_key[];
/* Whether code is a calendar eldership or DIR_OUTSIDE. */
bool dir_eldership_valid(const char *code);

struct dir_lang {
	char		 code[4];	/* ISO 639-1: "uk" */
	enum dir_level	 level;
};

struct dir_tag {
	int64_t		 id;
	char		 display[DIR_TAG_MAX * 4 + 1];	/* the first spelling */
	int		 uses;		/* in dir_tag_list only */
};

/* A mentorship's states, as stored. */
enum dir_ms_state {
	DIR_MS_REQUESTED,	/* sent, waiting for the mentor */
	DIR_MS_ACTIVE,
	DIR_MS_DECLINED,
	DIR_MS_ENDED,
};

/* ---- Profiles ---- */

struct dir_profile_input {
	bool			 listed;
	const char		*bio;		/* may be "" */
	const char		*eldership;	/* "" or NULL: none */
	const struct dir_lang	*langs;
	int			 nlangs;
	const char *const	*tags[DIR_NKINDS];	/* spellings; new ones
							 * join the vocabulary */
	int			 ntags[DIR_NKINDS];
	unsigned		 avail;
	bool			 mentors;
	int			 max_mentees;	/* 1 to DIR_MENTEES_MAX when
						 * mentors */
	enum dir_vis		 vis[DIR_NFIELDS];
};
/* An input with every visibility DIR_VIS_DEFAULT and nothing else. */
struct dir_profile_input dir_profile_input_default(void);

struct dir_profile {
	int64_t		 account_id;
	char		 display[ACCOUNT_DISPLAY_MAX * 4 + 1];
	bool		 own;		/* the viewer's own: all of it */
	bool		 listed, hidden;	/* hidden: only own and
						 * moderators see it */
	unsigned	 shown;		/* DIR_FIELD_BIT of what follows */
	char		 bio[DIR_BIO_MAX * 4 + 1];
	char		 eldership[DIR_ELDERSHIP_MAX + 1];
	struct dir_lang	 langs[DIR_LANGS_MAX];
	int		 nlangs;
	struct dir_tag	 tags[DIR_NKINDS][DIR_TAGS_MAX];
	int		 ntags[DIR_NKINDS];
	unsigned	 avail;
	bool		 mentors;
	int		 max_mentees, active_mentees;
	enum dir_vis	 vis[DIR_NFIELDS];	/* own only */
	/* The viewer's open mentorship with them (0: none), and its state. */
	int64_t		 mentorship_id;
	int		 mentorship_state;	/* enum dir_ms_state */
	bool		 viewer_is_mentor;
};

/* Saves the actor's own profile (made on first save). */
struct core_error directory_profile_save(struct db *db, const struct actor *a,
    const struct dir_profile_input *in);
/* The profile as viewer sees it; "error.directory.not_found" when it is
 * not theirs to see (unlisted, hidden, suspended, blocked, none; one's
 * own before its first save: start from dir_profile_input_default). */
struct core_error directory_profile_get(struct db *db,
    const struct actor *viewer, int64_t account_id, struct dir_profile *out);
/* A moderator hides (hide true, reason needed) or shows a profile. */
struct core_error directory_profile_hide(struct db *db, const struct actor *a,
    int64_t account_id, bool hide, const char *reason);

/* ---- Finding ---- */

struct dir_filter {
	const char	*query;		/* name or bio, case- and accent-blind */
	int64_t		 tag_id;	/* 0: any */
	enum dir_tag_kind tag_kind;	/* what the tag must be */
	const char	*lang;		/* ISO 639-1, or NULL */
	const char	*eldership;	/* a code, or NULL */
	unsigned	 avail;		/* every bit given */
	bool		 mentors_only;	/* with a place free */
	int64_t		 org_id;	/* members of it (not for guests); 0:
					 * any */
};

/* One person in a list: what the viewer may see of the summary. */
struct dir_person {
	int64_t		 account_id;
	char		 display[ACCOUNT_DISPLAY_MAX * 4 + 1];
	char		 eldership[DIR_ELDERSHIP_MAX + 1];	/* "": not
								 * shown */
	bool		 mentors;
	int		 max_mentees, active_mentees;
};

enum dir_reason_kind {
	DIR_R_TEACHES,		/* offers a skill the viewer wants: tag */
	DIR_R_INTEREST,		/* shares an interest: tag */
	DIR_R_SPEAKS,		/* a language both speak: code */
	DIR_R_ELDERSHIP,	/* the same eldership: code */
	DIR_R_AVAILABLE,	/* a shared availability: code of
				 * dir_availability */
	DIR_R_MENTORS,		/* mentors, with a place free */
};
#define DIR_REASONS_MAX	16

struct dir_reason {
	enum dir_reason_kind	 kind;
	int64_t			 tag_id;	/* TEACHES, INTEREST */
	char			 code[DIR_TAG_MAX * 4 + 1];	/* the tag's
						 * display, the language, the
						 * eldership or availability
						 * code */
};

struct dir_suggestion {
	struct dir_person	 person;
	int			 score;
	struct dir_reason	 reasons[DIR_REASONS_MAX];
	int			 nreasons;
};

struct dir_person_list {
	struct dir_person	*v;
	size_t			 n;
	bool			 more;
};
struct dir_suggestion_list {
	struct dir_suggestion	*v;
	size_t			 n;
	bool			 more;
};

/* A page of the listed people matching f (NULL: all), sorted by name in
 * the current language's collation (i18n_set_lang: the reader's). 0 or
 * -1. */
int directory_find(struct db *db, const struct actor *viewer,
    const struct dir_filter *f, int offset, int limit,
    struct dir_person_list *out);
void dir_person_list_free(struct dir_person_list *l);
/* A page of suggestions for the viewer, best first: people whose skills
 * offered meet the viewer's skills wanted (a viewer who wants none: who
 * share an interest), with at least one language in common; nobody
 * suspended, blocked either way, unlisted, hidden, the viewer, or a
 * mentor with no place left. The score and the reasons are in
 * core/directory-suggest.c. None for a guest or a viewer without a
 * profile. 0 or -1. */
int directory_suggest(struct db *db, const struct actor *viewer, int offset,
    int limit, struct dir_suggestion_list *out);
void dir_suggestion_list_free(struct dir_suggestion_list *l);

/* ---- Tags ---- */

/* The tag whose folded key is that of spelling; 0 when none. */
int64_t dir_tag_find(struct db *db, const char *spelling);
struct dir_tag_list {
	struct dir_tag	*v;
	size_t		 n;
	bool		 more;
};
/* A page of tags whose display contains query (NULL: all), case- and
 * accent-blind, with their uses, sorted in the current collation. 0 or
 * -1. */
int dir_tag_list(struct db *db, const char *query, int offset, int limit,
    struct dir_tag_list *out);
void dir_tag_list_free(struct dir_tag_list *l);
/* A moderator moves every use of tag old_spelling to new_spelling (made
 * if new; a rename when it is the same tag folded) and drops the old. */
struct core_error directory_tag_merge(struct db *db, const struct actor *a,
    const char *old_spelling, const char *new_spelling);

/* ---- Organisations ----
 * Schools, universities, libraries, NGOs and municipal departments,
 * listed to everyone with their description, eldership and contact; their
 * members (and who among them is the organisation's admin) to members.
 * The id is stable: the calendar may name an organisation as organiser. */

enum dir_org_role { DIR_ORG_MEMBER, DIR_ORG_ADMIN };

struct dir_org_input {
	const char	*kind;		/* a dir_org_kinds code */
	const char	*name;
	const char	*description;	/* may be "" */
	const char	*eldership;	/* "" or NULL: none */
	const char	*contact;	/* may be "": an address, a phone */
};

struct dir_org {
	int64_t		 id;
	char		 kind[16];
	char		 name[DIR_ORG_NAME_MAX * 4 + 1];
	char		 description[DIR_ORG_TEXT_MAX * 4 + 1];
	char		 eldership[DIR_ELDERSHIP_MAX + 1];
	char		 contact[DIR_ORG_TEXT_MAX * 4 + 1];
	int		 members;
	bool		 viewer_admin;	/* the viewer may edit it */
	int64_t		 created;
};

struct dir_org_list {
	struct dir_org	*v;
	size_t		 n;
	bool		 more;
};

struct dir_org_member {
	int64_t			 account_id;
	char			 display[ACCOUNT_DISPLAY_MAX * 4 + 1];
	char			 name[ACCOUNT_NAME_MAX + 1];
	enum dir_org_role	 role;
};

struct dir_org_member_list {
	struct dir_org_member	*v;
	size_t			 n;
	bool			 more;
};

/* A site admin adds one; *id_out its id. */
struct core_error directory_org_add(struct db *db, const struct actor *a,
    const struct dir_org_input *in, int64_t *id_out);
/* A site admin or the organisation's admin edits it. */
struct core_error directory_org_edit(struct db *db, const struct actor *a,
    int64_t id, const struct dir_org_input *in);
/* The same people add a member or change their role, or remove them. */
struct core_error directory_org_member_set(struct db *db,
    const struct actor *a, int64_t org, int64_t account_id,
    enum dir_org_role role);
struct core_error directory_org_member_remove(struct db *db,
    const struct actor *a, int64_t org, int64_t account_id);
/* One organisation by its id. 0, or -1 when there is none. */
int directory_org_get(struct db *db, const struct actor *viewer, int64_t id,
    struct dir_org *out);
/* A page of organisations whose name or description holds query (NULL:
 * all; accent-blind), of kind (NULL: any) in eldership (NULL: any),
 * sorted by name in the current collation. 0 or -1. */
int directory_orgs(struct db *db, const struct actor *viewer,
    const char *query, const char *kind, const char *eldership, int offset,
    int limit, struct dir_org_list *out);
void dir_org_list_free(struct dir_org_list *l);
/* A page of its members, admins first, by name; none for a guest. 0 or
 * -1. */
int directory_org_members(struct db *db, const struct actor *viewer,
    int64_t org, int offset, int limit, struct dir_org_member_list *out);
void dir_org_member_list_free(struct dir_org_member_list *l);

/* ---- Mentorships ----
 * A member asks a mentor (listed, mentoring, with a place free, no block
 * either way, no open request or mentorship between them) with a
 * message; the mentor accepts or declines, with an optional message;
 * either side ends an active one with an optional reflection, kept for
 * the surveys; the one who asked may withdraw a request not yet answered
 * (it ends, unanswered). Each step tells the other side in the inbox
 * (kinds "directory.requested", "directory.accepted",
 * "directory.declined", "directory.ended", "directory.withdrawn", about
 * "mentorship" id). */

struct dir_mentorship {
	int64_t		 id;
	int64_t		 other_id;	/* the other side */
	char		 other_display[ACCOUNT_DISPLAY_MAX * 4 + 1];
	bool		 viewer_is_mentor;
	enum dir_ms_state state;
	char		 message[DIR_MESSAGE_MAX * 4 + 1];
	char		 answer[DIR_MESSAGE_MAX * 4 + 1];
	int64_t		 requested, answered, ended;
	int64_t		 ended_by;	/* 0: not ended */
};

struct dir_mentorship_list {
	struct dir_mentorship	*v;
	size_t			 n;
	bool			 more;
};

struct core_error directory_mentor_request(struct db *db,
    const struct actor *a, int64_t mentor_id, const char *message,
    int64_t *id_out);
struct core_error directory_mentor_answer(struct db *db, const struct actor *a,
    int64_t id, bool accept, const char *message);
struct core_error directory_mentor_end(struct db *db, const struct actor *a,
    int64_t id, const char *reflection);
struct core_error directory_mentor_withdraw(struct db *db,
    const struct actor *a, int64_t id);
/* A page of the viewer's mentorships, both sides, open ones first, then
 * newest first. 0 or -1. */
int directory_mentorships(struct db *db, const struct actor *viewer,
    int offset, int limit, struct dir_mentorship_list *out);
void dir_mentorship_list_free(struct dir_mentorship_list *l);
/* Requests waiting for the viewer's answer (a badge), or -1. */
int64_t directory_mentor_waiting(struct db *db, const struct actor *viewer);

#endif
