// Default templates for the three kinds of planning doc (milestone, PRD, user story).
// Each string is byte-for-byte the matching file of the sample workspace:
//   milestone: sample/docs/templates/milestone-overview.md
//   prd:       sample/docs/prd/template.md
//   story:     sample/docs/user-stories/template.md
// Keep them in sync when editing either side.

export const DEFAULT_TEMPLATES = {
  milestone: `---
id: {{id}}
title: {{title}}
status: planned
start: {{start}}
end: {{end}}
---

# {{title}}

## Theme

_Describe the central focus of this milestone in one or two sentences, and who benefits from it._

## Timeline

_Confirm the start and end dates and add any checkpoints in between, such as design review, beta or feature freeze._

- **Start:** {{start}}
- **End:** {{end}}

## Goals

_List the specific outcomes this milestone must achieve. Make each goal concrete and, where possible, put a number on it._

## Success Criteria

_Define how the milestone review will judge success. Each criterion must be measurable against a baseline or a target._

## Features

_List each feature in the milestone with a link to its PRD and a priority of High, Medium or Low._

| Feature | PRD | Priority |
| --- | --- | --- |

## Dependencies

_Note the internal and external dependencies (other teams, vendors, data, infrastructure) and who owns each one._

## Risks
<!-- optional -->

_List the main risks to scope or schedule, with a mitigation for each._

## Notes
<!-- optional -->

_Record anything else the team should know, such as assumptions, decisions or related material._
`,
  prd: `---
id: {{id}}
title: {{title}}
status: draft
milestone: {{milestone}}
priority: {{priority}}
---

# {{title}}

## Overview

_Summarize the feature in two or three sentences: what it is, who it is for and which milestone it belongs to._

## Problem Statement

_Describe the user or business problem this feature solves, with evidence such as support tickets, interviews or usage data._

## Goals

_List the outcomes this feature should achieve. Keep them specific and tied to the problem above._

## Requirements

_List the functional and non-functional requirements. Number them so that stories and reviews can refer to them._

## Success Metrics

_Define how you will know the feature works after launch, with a baseline and a target for each metric._

## User Stories

_List each user story for this feature as a relative link to its file under the user-stories folder._

## Out of Scope
<!-- optional -->

_Name what this feature deliberately does not cover, to keep the scope clear._

## Open Questions
<!-- optional -->

_Track unresolved questions with an owner for each, and remove them once they are answered._
`,
  story: `---
id: {{id}}
title: {{title}}
status: todo
prd: {{prd}}
---

# {{title}}

## Story

_Say who needs this, what they want to do and why, in a single sentence._

As a {{persona}}, I want {{goal}}, so that {{benefit}}.

## Acceptance Criteria

_List the conditions that must hold for this story to be done, one checkbox each, phrased so that they can be tested._

- [ ] Given a starting situation, when the user performs an action, then the expected result is visible.
- [ ] Each further outcome that a tester can check gets its own checkbox.

## Notes
<!-- optional -->

_Add design links, technical notes or edge cases that help the team build and test the story._
`,
} as const;
