/**
 * The bash completion script, ours rather than the library's: the library's
 * passes candidates to `compgen -W`, which expands them, so a setting key
 * such as `zz$(touch /tmp/x)` ran when the operator pressed Tab. Here every
 * candidate is data: never evaluated, skipped when it holds a control
 * character, and inserted quoted with printf %q. It needs only bash (not the
 * bash-completion package), writes no file, and gives up after 3 seconds.
 */
export const bashCompletionScript = `# bash completion for sanctum-config (sanctum-config completion bash)
_sanctum_config_complete() {
    local line=\${COMP_LINE:0:COMP_POINT} cur=\${COMP_WORDS[COMP_CWORD]:-}
    # Bash splits --category=api at the =: right after it, the word being completed is empty.
    [[ $cur == = ]] && cur=
    local -a words
    # The words up to the cursor, split on blanks only, so --category=api stays one word.
    read -ra words <<< "$line"
    [[ $line == *[[:blank:]] || \${#words[@]} -eq 0 ]] && words+=("")
    local out
    if command -v timeout >/dev/null 2>&1; then
        out=$(timeout 3 "\${words[0]}" complete -- "\${words[@]:1}" 2>/dev/null)
    else
        out=$("\${words[0]}" complete -- "\${words[@]:1}" 2>/dev/null)
    fi
    local directive=4 entry value quoted
    COMPREPLY=()
    while IFS= read -r entry; do
        if [[ $entry =~ ^:[0-9]+$ ]]; then directive=\${entry#:}; continue; fi
        value=\${entry%%$'\\t'*}
        [[ -z $value || $value == *[[:cntrl:]]* || $value != "$cur"* ]] && continue
        printf -v quoted '%q' "$value"
        COMPREPLY+=("$quoted")
    done <<< "$out"
    # No candidates where a file is expected: the shell's own file names.
    if [[ \${#COMPREPLY[@]} -eq 0 && $directive == 0 ]]; then compopt -o default 2>/dev/null; fi
    return 0
}
complete -F _sanctum_config_complete sanctum-config
`;
