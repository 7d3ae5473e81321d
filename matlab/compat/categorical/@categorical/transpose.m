function c = transpose(c)
%TRANSPOSE  c.'
c.codes = c.codes.';
end
