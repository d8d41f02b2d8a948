// The short guide that "Initialize Planning Docs" writes next to the templates.
export const DEFAULT_GUIDE = `# Planning docs

Milestones, PRDs and user stories live here as Markdown, one file each:

\`\`\`
milestones/<milestone>.md
prd/<feature>/<feature>-prd.md
user-stories/<feature>/story-N.md
\`\`\`

1. **Plan a milestone**: its theme, timeline, goals and measurable success criteria. Start from the
   [milestone template](./templates/milestone-overview.md) (command palette: "Plandocs: New Milestone").
2. **Write a PRD per feature** from the [PRD template](./prd/template.md) ("Plandocs: New PRD"), and list
   it with a priority (High / Medium / Low) in the milestone's Features table.
3. **Break each feature into user stories** from the [story template](./user-stories/template.md)
   ("Plandocs: New User Story"). Each story names its PRD in its front matter (\`prd: <prd-id>\`).

The templates are the schema: every \`##\` section of a template is required in the docs made from
it, unless the line after the heading is \`<!-- optional -->\`. Edit them to fit your team.
`;
