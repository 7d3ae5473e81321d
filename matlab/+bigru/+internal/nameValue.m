function [values, given] = nameValue(fname, defaults, args, refused)
%NAMEVALUE  Name-value pairs matched case-insensitively against the fields of DEFAULTS (internal).
%   An unknown name is an error that names it and lists the accepted ones. REFUSED (optional) lists options
%   MATLAB's function of the same name has and bigru does not take, as rows {name, what bigru does instead}:
%   such a name is an error that says so. GIVEN marks, in field order, the options ARGS gave.
if nargin < 4
  refused = cell(0, 2);
end
values = defaults;
names = fieldnames(defaults);
given = false(numel(names), 1);
if mod(numel(args), 2) ~= 0
  error('bigru:invalidArgument', '%s: expected name-value pairs, but %d arguments were given', fname, numel(args));
end
for k = 1:2:numel(args)
  name = args{k};
  if isa(name, 'string')
    name = char(name);
  end
  if ~ischar(name) || isempty(name)
    error('bigru:invalidArgument', '%s: argument %d must be an option name', fname, k);
  end
  match = find(strcmpi(names, name));
  if isempty(match)
    other = find(strcmpi(refused(:, 1), name));
    if ~isempty(other)
      error('bigru:invalidArgument', ['%s: bigru does not take the option ''%s'' of MATLAB''s %s: %s. ' ...
            'The options of bigru''s %s are: %s'], fname, refused{other, 1}, fname, refused{other, 2}, fname, ...
            strjoin(names', ', '));
    end
    error('bigru:invalidArgument', '%s: ''%s'' is not an option of %s; the options are: %s', ...
          fname, name, fname, strjoin(names', ', '));
  end
  value = args{k + 1};
  if isa(value, 'string')
    value = char(value);
  end
  values.(names{match}) = value;
  given(match) = true;
end
end
