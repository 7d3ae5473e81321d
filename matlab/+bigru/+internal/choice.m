function s = choice(value, fname, option, allowed)
%CHOICE  A string option, one of ALLOWED (case-insensitive), in its canonical spelling (internal).
if isa(value, 'string')
  value = char(value);
end
if ~ischar(value) || (~isempty(value) && size(value, 1) ~= 1)
  error('bigru:invalidArgument', '%s: %s must be one of ''%s''', fname, option, strjoin(allowed, ''', '''));
end
match = find(strcmpi(allowed, value));
if isempty(match)
  error('bigru:invalidArgument', '%s: %s must be one of ''%s'', not ''%s''', fname, option, ...
        strjoin(allowed, ''', '''), value);
end
s = allowed{match};
end
