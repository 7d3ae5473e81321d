function c = categorical(data, valueset, catnames)
%CATEGORICAL  A minimal categorical array, for interpreters without one (GNU Octave). bigru.setup puts it on
%   the path only when the running interpreter has no categorical, so MATLAB's is never shadowed.
%   c = categorical(data)                     categories: the distinct values of DATA, sorted
%   c = categorical(data, valueset)           categories: VALUESET, in its order; other values are undefined
%   c = categorical(data, valueset, catnames) the same, the categories named CATNAMES
%   DATA: numbers (NaN is undefined), a cell array of strings or one string ('' is undefined), or a
%   categorical. Numbers are named as num2str names them.
%   What it supports: categories, == and ~= (with a categorical, a string or a cell array of strings; giving
%   logical arrays, so mean(a == b) and sum(a == b) work), double (category numbers, NaN where undefined),
%   cellstr, char, isundefined, numel, size, length, isempty, indexing and assignment with (), end,
%   concatenation, reshape, transpose, disp and display.
if nargin == 0
  data = [];
end
if nargin > 3 || (nargin > 1 && ischar(valueset) && any(strcmpi(valueset, {'Ordinal', 'Protected'})))
  error('categorical:arguments', ['categorical: this categorical (bigru''s, for an interpreter without one) takes ' ...
        'categorical(data), categorical(data, valueset) or categorical(data, valueset, catnames); options such ' ...
        'as ''Ordinal'' are not supported']);
end
if isa(data, 'categorical')
  if nargin == 1
    c = data;
    return
  end
  data = labelText(data);
end
if ischar(data) && size(data, 1) <= 1
  data = {data};
end
if isnumeric(data) || islogical(data)
  values = double(data);
  present = ~isnan(values);
  if nargin < 2
    valueset = unique(values(present));
  elseif ~(isnumeric(valueset) || islogical(valueset))
    error('categorical:arguments', 'categorical: the valueset of numeric data must be numeric, not a %s', ...
          class(valueset));
  end
  valueset = double(valueset(:));
  names = arrayfun(@num2str, valueset, 'UniformOutput', false);
  [~, codes] = ismember(values, valueset);
elseif iscellstr(data)
  present = ~cellfun(@isempty, data);
  if nargin < 2
    valueset = unique(data(present));
  elseif ischar(valueset)
    valueset = {valueset};
  elseif ~iscellstr(valueset)
    error('categorical:arguments', ['categorical: the valueset of text data must be a cell array of strings, ' ...
          'not a %s'], class(valueset));
  end
  valueset = valueset(:);
  names = valueset;
  [~, codes] = ismember(data, valueset);
else
  error('categorical:arguments', ['categorical: data must be numeric, logical, a cell array of strings, a string ' ...
        'or a categorical, not a %s'], class(data));
end
if nargin == 3
  if ischar(catnames)
    catnames = {catnames};
  end
  if ~iscellstr(catnames) || numel(catnames) ~= numel(valueset)
    error('categorical:arguments', 'categorical: catnames must be a cell array of %d strings, one per value', ...
          numel(valueset));
  end
  names = catnames(:);
end
if numel(unique(names)) < numel(names)
  error('categorical:arguments', 'categorical: the categories must be distinct');
end
codes(~present) = 0;
s.codes = double(codes);
s.names = names;
c = class(s, 'categorical');
end
