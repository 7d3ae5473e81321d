function s = structFromRows(rows, data)
%STRUCTFROMROWS  A struct from the [field; kind; text] rows the Java side returns (internal).
%   Kinds: 'number' (a double; '' for []), 'logical', 'text' (as it is), and 'data', whose value the Java side
%   does not hold: the field of DATA of that name (what the function was given), else [].
s = struct();
for i = 1:size(rows, 2)
  [field, kind, text] = rows{:, i};
  switch kind
    case 'number'
      if isempty(text)
        v = [];
      else
        v = str2double(text);
      end
    case 'logical'
      v = strcmp(text, 'true');
    case 'data'
      v = [];
      if isfield(data, field)
        v = data.(field);
      end
    otherwise
      v = text;
  end
  s.(field) = v;
end
end
